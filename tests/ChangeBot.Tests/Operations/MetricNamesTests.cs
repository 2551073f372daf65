using System.Net.Http.Headers;
using ChangeBot.Features.Operations;
using ChangeBot.Testing.Monitoring;
using ChangeBot.Testing.Slack;
using ChangeBot.Tests.Workflow;

namespace ChangeBot.Tests.Operations;

/// <summary>
/// Every metric the operator guide promises, under its Grafana-friendly <c>changebot_</c> name, once the bot has done
/// each kind of work: Slack requests (verified and forged), Web API calls (one answered 429), a change filed, owed
/// Slack messages, a gate decision, a scheduler job fired.
/// </summary>
public sealed class MetricNamesTests
{
    private static readonly string[] Families =
    [
        "changebot_slack_requests_total counter",
        "changebot_slack_request_duration_seconds histogram",
        "changebot_slack_verification_failures_total counter",
        "changebot_slack_api_calls_total counter",
        "changebot_slack_api_duration_seconds histogram",
        "changebot_outbox_depth gauge",
        "changebot_outbox_dead_letters gauge",
        "changebot_scheduler_firing_delay_seconds histogram",
        "changebot_admission_decisions_total counter",
        "changebot_admission_refusals_total counter",
        "changebot_changes gauge",
    ];

    [Fact]
    public async Task Metrics_AfterEachKindOfWork_EveryPromisedFamilyIsExported()
    {
        await using var host = await WorkflowHost.StartAsync();
        host.Slack.FailNext(1, 429, retryAfterSeconds: 0);
        await host.FileAsync(WorkflowHost.InWindow);
        await host.CommandAsync(WorkflowUsers.ApiRequester, "help");
        using (var forged = new SlackRequestSigner("not-the-secret", host.Time).Command("help"))
        using (await host.Client.SendAsync(forged))
        {
        }

        using (var gate = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/gate?type=normal&criticality=C1&at=2026-12-05T12:00:00Z", UriKind.Relative)))
        {
            gate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WorkflowHost.ApiToken);
            using var answer = await host.Client.SendAsync(gate);
            answer.EnsureSuccessStatusCode();
        }

        // The database gauges answer from a read cached for a few seconds of the bot's clock.
        await host.AdvanceAsync(DatabaseGauges.CacheFor);
        var metrics = await Eventually.UntilAsync(
            () => PrometheusText.ScrapeAsync(host.Client),
            m => m.Contains("changebot_scheduler_firing_delay_seconds_count", StringComparison.Ordinal),
            "the calendar plan's firing at start to be measured");

        Assert.All(Families, family => Assert.Contains($"# TYPE {family}", metrics, StringComparison.Ordinal));
        Assert.Equal(1, PrometheusText.Sample(metrics, """changebot_changes{state="submitted"}"""));
        Assert.Equal(1, PrometheusText.Sample(metrics, """changebot_slack_verification_failures_total{reason="signature mismatch"}"""));
        Assert.Matches("""(?m)^changebot_slack_api_calls_total\{method="[a-z.]+",outcome="ratelimited"\} 1$""", metrics);
        Assert.Equal(1, PrometheusText.Sample(metrics, """changebot_admission_refusals_total{rule="slot.c1"}"""));
    }
}
