using System.Runtime.CompilerServices;
using ChangeBot.Slack;
using ChangeBot.Slack.WebApi;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Operations;

/// <summary>
/// Calls Slack's <c>auth.test</c> once at start-up (not per probe: a kubelet probing every few seconds must not spend
/// the workspace's rate limit) and keeps the answer for <c>/readyz</c>. Without a bot token Slack is not configured and
/// does not hold readiness back.
/// </summary>
internal sealed class SlackAuthProbe(IOptions<SlackOptions> options, IServiceProvider services, ILogger<SlackAuthProbe> logger)
    : BackgroundService, IHealthCheck
{
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

        try
        {
            var auth = await services.GetRequiredService<ISlackApiClient>().AuthTestAsync(stoppingToken).ConfigureAwait(false);
            _result = new(HealthCheckResult.Healthy($"Slack auth.test succeeded: team {auth.TeamId}, bot user {auth.UserId}"));
            logger.LogInformation("Slack auth.test succeeded: team {TeamId}, bot user {UserId}", auth.TeamId, auth.UserId);
        }
        catch (SlackApiException e)
        {
            _result = new(HealthCheckResult.Unhealthy($"Slack auth.test failed at start: {e.Error}"));
            logger.LogError("Slack auth.test failed at start: {Error}; /readyz answers 503 until the bot restarts with a valid Slack:BotToken", e.Error);
        }
    }
}
