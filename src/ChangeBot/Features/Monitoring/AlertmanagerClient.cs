using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Monitoring;

/// <summary>
/// Alertmanager's v2 API: its status (part of "monitoring is up"), its silences (the handoff note's pre-fill) and
/// its current alerts. Every failure is a <see cref="MonitoringUnavailableException"/>.
/// </summary>
public sealed class AlertmanagerClient
{
    /// <summary>The name of the <see cref="HttpClient"/> configured with the base URL.</summary>
    public const string HttpClientName = "ChangeBot.Alertmanager";

    private const string Service = "Alertmanager";

    private readonly MonitoringHttp _http;

    public AlertmanagerClient(IHttpClientFactory httpClients, IOptions<MonitoringOptions> options, TimeProvider time) =>
        _http = new MonitoringHttp(httpClients, HttpClientName, options, time);

    public async Task<AlertmanagerStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        using var json = await _http.GetJsonAsync(Service, "api/v2/status", cancellationToken).ConfigureAwait(false);
        return Read("/api/v2/status", () =>
        {
            var root = json.RootElement;
            var version = root.GetProperty("versionInfo").GetProperty("version").GetString() ?? "unknown";
            var cluster = root.GetProperty("cluster").GetProperty("status").GetString() ?? "unknown";
            DateTimeOffset? uptime = root.TryGetProperty("uptime", out var since) ? since.GetDateTimeOffset() : null;
            return new AlertmanagerStatus(version, cluster, uptime);
        });
    }

    /// <summary>The silences Alertmanager knows, newest end first; <paramref name="state"/> keeps only those in it.</summary>
    public async Task<IReadOnlyList<AlertmanagerSilence>> GetSilencesAsync(CancellationToken cancellationToken, SilenceState? state = null)
    {
        using var json = await _http.GetJsonAsync(Service, "api/v2/silences", cancellationToken).ConfigureAwait(false);
        var silences = Read("/api/v2/silences", () => json.RootElement.EnumerateArray().Select(ReadSilence).ToList());
        return [.. silences.Where(silence => state is null || silence.State == state).OrderByDescending(silence => silence.EndsAt)];
    }

    /// <summary>The alerts firing now and neither silenced nor inhibited.</summary>
    public async Task<IReadOnlyList<AlertmanagerAlert>> GetActiveAlertsAsync(CancellationToken cancellationToken)
    {
        using var json = await _http.GetJsonAsync(Service, "api/v2/alerts?active=true&silenced=false&inhibited=false", cancellationToken).ConfigureAwait(false);
        return Read("/api/v2/alerts", () => json.RootElement.EnumerateArray().Select(ReadAlert).ToList());
    }

    private static AlertmanagerSilence ReadSilence(JsonElement silence) => new(
        silence.GetProperty("id").GetString() ?? string.Empty,
        silence.GetProperty("status").GetProperty("state").GetString() switch
        {
            "active" => SilenceState.Active,
            "pending" => SilenceState.Pending,
            "expired" => SilenceState.Expired,
            var other => throw new FormatException($"\"{other}\" is not a silence state"),
        },
        [.. silence.GetProperty("matchers").EnumerateArray().Select(matcher => new SilenceMatcher(
            matcher.GetProperty("name").GetString() ?? string.Empty,
            matcher.GetProperty("value").GetString() ?? string.Empty,
            matcher.GetProperty("isRegex").GetBoolean(),
            !matcher.TryGetProperty("isEqual", out var isEqual) || isEqual.GetBoolean()))],
        silence.GetProperty("createdBy").GetString() ?? string.Empty,
        silence.TryGetProperty("comment", out var comment) ? comment.GetString() ?? string.Empty : string.Empty,
        silence.GetProperty("startsAt").GetDateTimeOffset(),
        silence.GetProperty("endsAt").GetDateTimeOffset());

    private static AlertmanagerAlert ReadAlert(JsonElement alert) => new(
        alert.GetProperty("fingerprint").GetString() ?? string.Empty,
        alert.GetProperty("status").GetProperty("state").GetString() ?? "unknown",
        Strings(alert.GetProperty("labels")),
        alert.TryGetProperty("annotations", out var annotations) ? Strings(annotations) : new Dictionary<string, string>(),
        alert.GetProperty("startsAt").GetDateTimeOffset(),
        alert.GetProperty("endsAt").GetDateTimeOffset());

    private static Dictionary<string, string> Strings(JsonElement map) =>
        map.EnumerateObject().ToDictionary(pair => pair.Name, pair => pair.Value.GetString() ?? string.Empty, StringComparer.Ordinal);

    private static T Read<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw MonitoringHttp.Unreadable(Service, path, exception.Message, exception);
        }
    }
}
