using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChangeBot.Features.Operations;

/// <summary>
/// <c>/readyz</c>'s body: the overall status, the names of the failing parts, and each part's status and sentence, e.g.
/// <c>{"status":"Unhealthy","failing":["slack"],"checks":{"slack":{"status":"Unhealthy","description":"…"},…}}</c>.
/// </summary>
internal static class ReadinessResponse
{
    // Read by people and probes, not embedded in HTML: no \u0022 for every quote.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var checks = new JsonObject();
        foreach (var (name, entry) in report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            checks[name] = new JsonObject
            {
                ["status"] = entry.Status.ToString(),
                ["description"] = entry.Description ?? entry.Exception?.Message,
            };
        }

        var body = new JsonObject
        {
            ["status"] = report.Status.ToString(),
            ["failing"] = new JsonArray([.. report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => (JsonNode)e.Key).OrderBy(n => n.GetValue<string>(), StringComparer.Ordinal)]),
            ["checks"] = checks,
        };
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(body.ToJsonString(Json), http.RequestAborted);
    }
}
