using System.Runtime.CompilerServices;
using ChangeBot.Slack;
using ChangeBot.Slack.WebApi;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Operations;

/// <summary>
/// Calls Slack's <c>auth.test</c> once at start-up (not per probe: a kubelet probing every few seconds must not spend
/// the workspace's rate limit) and keeps the answer for <c>/readyz</c>. Without a bot token Slack is not configured and
/// does not hold readiness back. A refused token is final (restart with a good one); Slack unreachable at start is
/// asked again after 5 s, 10 s, … up to a minute, so a network blip during a rollout does not leave the pod unready.
/// </summary>
internal sealed class SlackAuthProbe(IOptions<SlackOptions> options, IServiceProvider services, TimeProvider time, ILogger<SlackAuthProbe> logger)
    : BackgroundService, IHealthCheck
{
    // Slack's own verdicts on the token: asking again cannot change them.
    private static readonly HashSet<string> Final = ["invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired", "no_permission", "missing_scope", "not_allowed_token_type", SlackApiClient.BotTokenMissing];
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(1);

    // Boxed so the answer is published to probe threads atomically.
    private volatile StrongBox<HealthCheckResult>? _result;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_result?.Value ?? (string.IsNullOrWhiteSpace(options.Value.BotToken)
            ? HealthCheckResult.Healthy("Slack is not configured (no Slack:BotToken)")
            : HealthCheckResult.Unhealthy("Slack auth.test has not answered yet")));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.BotToken))
        {
            return;
        }

        for (var wait = FirstRetry; ; wait = wait * 2 < MaxRetry ? wait * 2 : MaxRetry)
        {
            try
            {
                var auth = await services.GetRequiredService<ISlackApiClient>().AuthTestAsync(stoppingToken).ConfigureAwait(false);
                _result = new(HealthCheckResult.Healthy($"Slack auth.test succeeded: team {auth.TeamId}, bot user {auth.UserId}"));
                logger.LogInformation("Slack auth.test succeeded: team {TeamId}, bot user {UserId}", auth.TeamId, auth.UserId);
                return;
            }
            catch (SlackApiException e) when (Final.Contains(e.Error))
            {
                _result = new(HealthCheckResult.Unhealthy($"Slack auth.test failed at start: {e.Error}"));
                logger.LogError("Slack auth.test failed at start: {Error}; /readyz answers 503 until the bot restarts with a valid Slack:BotToken", e.Error);
                return;
            }
            catch (SlackApiException e)
            {
                _result = new(HealthCheckResult.Unhealthy($"Slack auth.test did not succeed yet: {e.Error}; asking again in {wait.TotalSeconds:0} s"));
                logger.LogWarning("Slack auth.test failed at start: {Error}; asking again in {Wait}", e.Error, wait);
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
