using ChangeBot.Features.Monitoring;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Tests.Monitoring;

public class MonitoringOptionsTests
{
    [Fact]
    public async Task Host_NoMonitoringConfigured_RunsWithTheGateOffAndSaysSo()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();

        var status = factory.Services.GetRequiredService<IMonitoringStatus>();
        var checkedNow = await status.CheckNowAsync(CancellationToken.None);

        Assert.Equal(MonitoringState.NotConfigured, checkedNow.State);
        Assert.False(checkedNow.BlocksElectiveChanges);
        Assert.Equal("Monitoring is not configured, so the \"no metrics, no changes\" rule is off.", checkedNow.Summary);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9090", null, "Monitoring:Alertmanager:Url is required: Prometheus and Alertmanager are configured together (leave both empty to run without monitoring).")]
    [InlineData(null, "http://127.0.0.1:9093", "Monitoring:Prometheus:Url is required: Prometheus and Alertmanager are configured together (leave both empty to run without monitoring).")]
    [InlineData("prometheus:9090", "http://127.0.0.1:9093", "Monitoring:Prometheus:Url must be an absolute http:// or https:// URL, not \"prometheus:9090\".")]
    public async Task Options_HalfOrBadlyConfigured_RefuseToStartNamingTheKey(string? prometheus, string? alertmanager, string expected)
    {
        await using var provider = MonitoringServices.Build(prometheus is null ? null : new Uri(prometheus, UriKind.RelativeOrAbsolute), alertmanager is null ? null : new Uri(alertmanager), new FakeTimeProvider());

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MonitoringOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Monitoring:Timeout", "00:00:00", "Monitoring:Timeout must be more than 0 and at most 00:01:00, not 00:00:00.")]
    [InlineData("Monitoring:CheckInterval", "00:00:00.1", "Monitoring:CheckInterval must be between 00:00:01 and 01:00:00, not 00:00:00.1000000.")]
    [InlineData("Monitoring:Alertmanager:Severities:critical", "P1", "Monitoring:Alertmanager:Severities:critical must be S1, S2, S3 or S4, not \"P1\".")]
    [InlineData("Monitoring:Prometheus:Query", " ", "Monitoring:Prometheus:Query must be a PromQL expression, e.g. up.")]
    public async Task Options_OutOfRange_RefuseToStartWithTheReason(string key, string value, string expected)
    {
        await using var provider = MonitoringServices.Build(new Uri("http://127.0.0.1:9090"), new Uri("http://127.0.0.1:9093"), new FakeTimeProvider(), (key, value));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MonitoringOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_RequiredButNotConfigured_RefuseToStart()
    {
        await using var provider = MonitoringServices.Build(null, null, new FakeTimeProvider(), ("Monitoring:Required", "true"));

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MonitoringOptions>>().Value);

        Assert.Contains("Monitoring:Required is true but Monitoring:Prometheus:Url and Monitoring:Alertmanager:Url are not set.", error.Message, StringComparison.Ordinal);
    }
}
