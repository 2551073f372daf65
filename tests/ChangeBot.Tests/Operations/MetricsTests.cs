using System.Net.Http.Headers;
using ChangeBot.Features.Operations;
using ChangeBot.Testing.Monitoring;
using ChangeBot.Testing.Slack;

namespace ChangeBot.Tests.Operations;

public sealed class MetricsTests : IAsyncLifetime
{
    private SlackStandIn _slack = null!;

    public async Task InitializeAsync() => _slack = await SlackStandIn.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    private static Task<string> ScrapeAsync(HttpClient client) => PrometheusText.ScrapeAsync(client);

    private static double? Sample(string exposition, string series) => PrometheusText.Sample(exposition, series);

    [Fact]
    public async Task Metrics_AfterSlackRequestsApiCallsAndAGateDecision_CountsEachByLabel()
    {
        // Slack's first answer to auth.test at start is a 429: it is counted, retried, then ok.
        _slack.FailNext(1, 429, retryAfterSeconds: 0);
        await using var app = OperationsHost.Create(_slack);
        using var client = app.CreateClient();
        var signer = new SlackRequestSigner(OperationsHost.SigningSecret, TimeProvider.System);
        await _slack.WaitForCallsAsync("auth.test", 2);

        using (var help = signer.Command("help"))
        using (var ok = await client.SendAsync(help))
        {
            ok.EnsureSuccessStatusCode();
        }

        using (var forged = new SlackRequestSigner("not-the-secret", TimeProvider.System).Command("help"))
        using (await client.SendAsync(forged))
        {
        }

        using (var gate = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/gate?criticality=C3", UriKind.Relative)))
        {
            gate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OperationsHost.ApiToken);
            using var answer = await client.SendAsync(gate);
            answer.EnsureSuccessStatusCode();
        }

        var metrics = await Eventually.UntilAsync(
            () => ScrapeAsync(client),
            m => Sample(m, """changebot_slack_api_calls_total{method="auth.test",outcome="ok"}""") is not null,
            "auth.test's ok to be counted");

        Assert.Equal(1, Sample(metrics, """changebot_slack_requests_total{outcome="ok",route="commands",transport="http"}"""));
        Assert.Equal(1, Sample(metrics, """changebot_slack_requests_total{outcome="unverified",route="commands",transport="http"}"""));
        Assert.Equal(1, Sample(metrics, """changebot_slack_request_duration_seconds_count{outcome="ok",route="commands",transport="http"}"""));
        Assert.Equal(1, Sample(metrics, """changebot_slack_request_duration_seconds_bucket{outcome="ok",route="commands",transport="http",le="+Inf"}"""));
        Assert.Equal(1, Sample(metrics, """changebot_slack_verification_failures_total{reason="signature mismatch"}"""));
        Assert.Equal(1, Sample(metrics, """changebot_slack_api_calls_total{method="auth.test",outcome="ratelimited"}"""));
        Assert.Equal(1, Sample(metrics, """changebot_slack_api_calls_total{method="auth.test",outcome="ok"}"""));
        Assert.Equal(2, Sample(metrics, """changebot_slack_api_duration_seconds_count{method="auth.test"}"""));
        Assert.Equal(1, (Sample(metrics, """changebot_admission_decisions_total{outcome="allowed"}""") ?? 0) + (Sample(metrics, """changebot_admission_decisions_total{outcome="refused"}""") ?? 0));
        Assert.Contains("# TYPE changebot_slack_requests_total counter", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE changebot_slack_request_duration_seconds histogram", metrics, StringComparison.Ordinal);
        Assert.NotNull(Sample(metrics, "process_working_set_bytes"));
    }

    [Fact]
    public async Task Metrics_GateRefusal_CountedByRefusingRule()
    {
        await using var app = OperationsHost.Create(slack: null);
        using var client = app.CreateClient();

        // A normal C1 change at a fixed Saturday noon: outside the normal window and outside C1's slot.
        using (var gate = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/gate?type=normal&criticality=C1&at=2026-12-05T12:00:00Z", UriKind.Relative)))
        {
            gate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", OperationsHost.ApiToken);
            using var answer = await client.SendAsync(gate);
            answer.EnsureSuccessStatusCode();
        }

        var metrics = await ScrapeAsync(client);

        Assert.Equal(1, Sample(metrics, """changebot_admission_decisions_total{outcome="refused"}"""));
        Assert.Equal(1, Sample(metrics, """changebot_admission_refusals_total{rule="window.normal"}"""));
        Assert.Equal(1, Sample(metrics, """changebot_admission_refusals_total{rule="slot.c1"}"""));
    }
}
