using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChangeBot.Features.Operations;

public static class OperationsServiceCollectionExtensions
{
    // A database that takes longer than this to answer a one-row query is not one to send traffic to.
    private static readonly TimeSpan DatabaseCheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// What an operator watches: JSON logs (one object per line, scopes included, so every line of a Slack request
    /// carries its <c>SlackRef</c>) outside Development; the readiness parts (policy, Slack <c>auth.test</c> at start,
    /// monitoring, the database and its migrations; the scheduling slice adds the scheduler's); the Prometheus export of the <c>ChangeBot.*</c> meters. Map the endpoints with
    /// <see cref="OperationsEndpointExtensions.MapOperations"/>.
    /// </summary>
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(json =>
            {
                json.IncludeScopes = true;
                json.UseUtcTimestamp = true;
                json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                json.JsonWriterOptions = new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            });
        }

        var services = builder.Services;
        services.AddMetrics();
        services.AddSingleton<PrometheusMeterBridge>();
        services.AddSingleton<IScrapeRefresher, DatabaseGauges>();
        services.AddSingleton<SlackAuthProbe>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackAuthProbe>());
        services.AddHealthChecks()
            .AddCheck<PolicyLoadedCheck>(ReadinessChecks.Policy, tags: [ReadinessChecks.Tag])
            .Add(new HealthCheckRegistration(ReadinessChecks.Slack, sp => sp.GetRequiredService<SlackAuthProbe>(), HealthStatus.Unhealthy, [ReadinessChecks.Tag]))
            .AddCheck<MonitoringReadinessCheck>(ReadinessChecks.Monitoring, tags: [ReadinessChecks.Tag])
            .AddCheck<DatabaseReadinessCheck>(ReadinessChecks.Database, HealthStatus.Unhealthy, [ReadinessChecks.Tag], DatabaseCheckTimeout);
        return builder;
    }
}
