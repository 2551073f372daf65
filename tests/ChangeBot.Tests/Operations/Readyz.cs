using System.Net;
using System.Text.Json.Nodes;
using ChangeBot.Features.Operations;
using ChangeBot.Testing.Monitoring;

namespace ChangeBot.Tests.Operations;

/// <summary><c>GET /readyz</c> as a probe sees it: the status and the JSON body naming every part.</summary>
internal static class Readyz
{
    public static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(OperationsEndpointExtensions.ReadinessPath, UriKind.Relative));
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    /// <summary>
    /// The first answer once the scheduler part is healthy: Quartz starts in the background after the host has, so a
    /// fresh host is briefly unready, as a fresh replica is.
    /// </summary>
    public static Task<(HttpStatusCode Status, JsonObject Body)> OnceSchedulerRunsAsync(HttpClient client) =>
        Eventually.UntilAsync(() => GetAsync(client), r => Part(r.Body, ReadinessChecks.Scheduler)["status"]!.ToString() == "Healthy", "the scheduler part to be healthy");

    public static JsonNode Part(JsonObject body, string name)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body["checks"]![name] ?? throw new InvalidOperationException($"/readyz names no part '{name}': {body.ToJsonString()}");
    }

    public static string Description(JsonObject body, string name) => Part(body, name)["description"]!.ToString();

    public static IEnumerable<string> Failing(JsonObject body) => body["failing"]!.AsArray().Select(n => n!.ToString());
}
