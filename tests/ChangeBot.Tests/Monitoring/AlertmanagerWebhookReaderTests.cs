using ChangeBot.Features.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Tests.Monitoring;

public class AlertmanagerWebhookReaderTests
{
    /// <summary>A notification as Alertmanager 0.25 sends it: one alert firing, one resolved.</summary>
    private const string Notification = """
        {
          "version": "4",
          "groupKey": "{}:{alertname=\"HighErrorRate\"}",
          "truncatedAlerts": 0,
          "status": "firing",
          "receiver": "changebot",
          "groupLabels": { "alertname": "HighErrorRate" },
          "commonLabels": { "alertname": "HighErrorRate", "service": "checkout" },
          "commonAnnotations": {},
          "externalURL": "http://alertmanager:9093",
          "alerts": [
            {
              "status": "firing",
              "labels": { "alertname": "HighErrorRate", "service": "checkout", "severity": "critical" },
              "annotations": { "summary": "Checkout error rate above 5%" },
              "startsAt": "2026-03-03T02:00:00.123Z",
              "endsAt": "0001-01-01T00:00:00Z",
              "generatorURL": "http://prometheus:9090/graph?g0.expr=...",
              "fingerprint": "c6b2b0e1a2f3d4e5"
            },
            {
              "status": "resolved",
              "labels": { "alertname": "DiskFilling", "service": "checkout", "severity": "warning" },
              "annotations": {},
              "startsAt": "2026-03-03T01:00:00Z",
              "endsAt": "2026-03-03T01:30:00Z",
              "generatorURL": "",
              "fingerprint": "0a1b2c3d4e5f6a7b"
            }
          ]
        }
        """;

    [Fact]
    public void TryParse_Version4Notification_ReadsEveryAlert()
    {
        Assert.True(AlertmanagerWebhookReader.TryParse(Notification, out var webhook, out _));

        Assert.Equal(AlertStatus.Firing, webhook.Status);
        Assert.Equal("changebot", webhook.Receiver);
        Assert.Equal("checkout", webhook.CommonLabels["service"]);
        Assert.Equal(2, webhook.Alerts.Count);
        var firing = webhook.Alerts[0];
        Assert.Equal(AlertStatus.Firing, firing.Status);
        Assert.Equal("critical", firing.Labels["severity"]);
        Assert.Equal("Checkout error rate above 5%", firing.Annotations["summary"]);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 2, 0, 0, 123, TimeSpan.Zero), firing.StartsAt);
        Assert.Null(firing.EndsAt);
        Assert.Equal("c6b2b0e1a2f3d4e5", firing.Fingerprint);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 1, 30, 0, TimeSpan.Zero), webhook.Alerts[1].EndsAt);
    }

    [Theory]
    [InlineData("", "The body is empty; expected Alertmanager's webhook JSON (version 4).")]
    [InlineData("[]", "The body must be a JSON object (Alertmanager's webhook, version 4).")]
    [InlineData("""{"version":"3","status":"firing","alerts":[]}""", "\"version\" must be \"4\" (Alertmanager's webhook format), not \"3\".")]
    [InlineData("""{"status":"firing","alerts":[]}""", "\"version\" must be \"4\" (Alertmanager's webhook format), not missing.")]
    [InlineData("""{"version":"4","status":"firing"}""", "\"alerts\" must be an array of alerts.")]
    [InlineData("""{"version":"4","status":"burning","alerts":[]}""", "The status of the notification must be \"firing\" or \"resolved\", not \"burning\".")]
    [InlineData("""{"version":"4","status":"firing","alerts":[{"status":"firing","labels":{},"startsAt":"2026-03-03T02:00:00Z"}]}""", "alerts[0].fingerprint is missing; the bot needs it to match a resolution to its alert.")]
    [InlineData("""{"version":"4","status":"firing","alerts":[{"status":"firing","fingerprint":"f","labels":{},"startsAt":"yesterday"}]}""", "alerts[0].startsAt must be an RFC 3339 time such as 2026-03-03T02:00:00Z.")]
    [InlineData("""{"version":"4","status":"firing","alerts":[{"status":"firing","fingerprint":"f","labels":{"severity":1},"startsAt":"2026-03-03T02:00:00Z"}]}""", "alerts[0].labels.severity must be a string.")]
    public void TryParse_NotTheWebhookFormat_SaysWhatIsWrong(string body, string expected)
    {
        Assert.False(AlertmanagerWebhookReader.TryParse(body, out var webhook, out var error));

        Assert.Null(webhook);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_BrokenJson_SaysItIsNotJson()
    {
        Assert.False(AlertmanagerWebhookReader.TryParse("{\"version\": ", out _, out var error));

        Assert.StartsWith("The body is not JSON: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_DefaultMapping_CriticalIsAnActiveS1AndAResolvedWarningEndsAnS3()
    {
        var reader = await ReaderAsync();
        Assert.True(AlertmanagerWebhookReader.TryParse(Notification, out var webhook, out _));

        var critical = reader.Map(webhook.Alerts[0]);
        var warning = reader.Map(webhook.Alerts[1]);

        Assert.Equal(new AlertIncident("AM-c6b2b0e1a2f3d4e5", IncidentSeverity.S1, true, "Checkout error rate above 5%", null), critical);
        Assert.Equal(new AlertIncident("AM-0a1b2c3d4e5f6a7b", IncidentSeverity.S3, false, "DiskFilling", null), warning);
    }

    [Fact]
    public async Task Map_ConfiguredLabelAndValues_UsesThemIgnoringCase()
    {
        var reader = await ReaderAsync(("Monitoring:Alertmanager:SeverityLabel", "priority"), ("Monitoring:Alertmanager:Severities:P1", "S1"), ("Monitoring:Alertmanager:Severities:critical", "S2"));

        var p1 = reader.Map(Alert(("priority", "p1")));
        var critical = reader.Map(Alert(("priority", "CRITICAL")));

        Assert.Equal(IncidentSeverity.S1, p1.Severity);
        Assert.Equal(IncidentSeverity.S2, critical.Severity);
    }

    [Fact]
    public async Task Map_NoSeverityLabel_IsNoIncidentAndSaysWhy()
    {
        var reader = await ReaderAsync();

        var mapped = reader.Map(Alert(("team", "payments")));

        Assert.False(mapped.IsIncident);
        Assert.Equal("the alert has no \"severity\" label (Monitoring:Alertmanager:SeverityLabel)", mapped.NotAnIncidentBecause);
    }

    [Fact]
    public async Task Map_UnmappedSeverity_IsNoIncidentAndSaysWhy()
    {
        var reader = await ReaderAsync();

        var mapped = reader.Map(Alert(("severity", "meh")));

        Assert.Null(mapped.Severity);
        Assert.Equal("severity=\"meh\" maps to no severity (Monitoring:Alertmanager:Severities)", mapped.NotAnIncidentBecause);
    }

    private static WebhookAlert Alert(params (string Name, string Value)[] labels) => new(
        AlertStatus.Firing,
        labels.ToDictionary(label => label.Name, label => label.Value, StringComparer.Ordinal),
        new Dictionary<string, string>(),
        new DateTimeOffset(2026, 3, 3, 2, 0, 0, TimeSpan.Zero),
        null,
        "f00d",
        null);

    private static async Task<AlertmanagerWebhookReader> ReaderAsync(params (string Key, string Value)[] settings)
    {
        var provider = MonitoringServices.Build(null, null, new FakeTimeProvider(), settings);
        await using (provider)
        {
            return provider.GetRequiredService<AlertmanagerWebhookReader>();
        }
    }
}
