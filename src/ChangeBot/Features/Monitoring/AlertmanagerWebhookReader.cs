using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Monitoring;

/// <summary>
/// Reads Alertmanager's webhook body (version 4) and maps each alert to an incident by the configured severity label
/// (<c>Monitoring:Alertmanager:SeverityLabel</c>, <c>…:Severities</c>). Pure: no I/O, so the endpoint that comes with
/// the incidents workflow only authenticates, calls <see cref="TryParse"/> and <see cref="Map"/>, and stores.
/// </summary>
public sealed class AlertmanagerWebhookReader(IOptions<MonitoringOptions> options)
{
    /// <summary>Alertmanager's alert titles: the <c>summary</c> annotation, else the <c>alertname</c> label.</summary>
    private const string SummaryAnnotation = "summary";
    private const string AlertNameLabel = "alertname";

    /// <summary>Reads <paramref name="body"/>; on failure <paramref name="error"/> is the reason for an HTTP 400.</summary>
    public static bool TryParse(string? body, [NotNullWhen(true)] out AlertmanagerWebhook? webhook, [NotNullWhen(false)] out string? error)
    {
        webhook = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            error = "The body is empty; expected Alertmanager's webhook JSON (version 4).";
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            webhook = Read(json.RootElement);
            error = null;
            return true;
        }
        catch (JsonException exception)
        {
            error = $"The body is not JSON: {exception.Message}";
        }
        catch (WebhookFormatException exception)
        {
            error = exception.Message;
        }

        return false;
    }

    /// <summary>The incident one alert declares or resolves.</summary>
    public AlertIncident Map(WebhookAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var settings = options.Value.Alertmanager;
        var id = "AM-" + alert.Fingerprint;
        var title = alert.Annotations.GetValueOrDefault(SummaryAnnotation) is { Length: > 0 } summary
            ? summary
            : alert.Labels.GetValueOrDefault(AlertNameLabel) ?? id;
        var active = alert.Status == AlertStatus.Firing;
        if (!alert.Labels.TryGetValue(settings.SeverityLabel, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return new AlertIncident(id, null, active, title, $"the alert has no \"{settings.SeverityLabel}\" label (Monitoring:Alertmanager:SeverityLabel)");
        }

        var mapped = settings.Severities.FirstOrDefault(pair => string.Equals(pair.Key, value.Trim(), StringComparison.OrdinalIgnoreCase)).Value;
        return IncidentSeverityText.TryParse(mapped, out var severity)
            ? new AlertIncident(id, severity, active, title, null)
            : new AlertIncident(id, null, active, title, $"{settings.SeverityLabel}=\"{value}\" maps to no severity (Monitoring:Alertmanager:Severities)");
    }

    /// <summary>
    /// The name of this notification of <paramref name="alert"/>: its fingerprint (which its labels, the severity among
    /// them, determine), whether it fires or resolved, and when it started. A copy of the same notification has the
    /// same name; the alert firing again after it resolved has a new start, so a new one.
    /// </summary>
    public static string DeliveryKey(WebhookAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var status = alert.Status == AlertStatus.Firing ? "firing" : "resolved";
        return string.Create(CultureInfo.InvariantCulture, $"AM-{alert.Fingerprint}/{status}/{alert.StartsAt.ToUnixTimeMilliseconds()}");
    }

    private static AlertmanagerWebhook Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookFormatException("The body must be a JSON object (Alertmanager's webhook, version 4).");
        }

        var version = OptionalString(root, "version");
        if (version != "4")
        {
            throw new WebhookFormatException($"\"version\" must be \"4\" (Alertmanager's webhook format), not {(version is null ? "missing" : $"\"{version}\"")}.");
        }

        if (!root.TryGetProperty("alerts", out var alerts) || alerts.ValueKind != JsonValueKind.Array)
        {
            throw new WebhookFormatException("\"alerts\" must be an array of alerts.");
        }

        var read = alerts.EnumerateArray().Select((alert, index) => ReadAlert(alert, Invariant($"alerts[{index}]"))).ToList();
        var truncated = root.TryGetProperty("truncatedAlerts", out var count) && count.ValueKind == JsonValueKind.Number ? count.GetInt32() : 0;
        return new AlertmanagerWebhook(
            ReadStatus(root, "status", "the notification"),
            OptionalString(root, "receiver") ?? string.Empty,
            OptionalString(root, "groupKey") ?? string.Empty,
            Labels(root, "commonLabels", "commonLabels"),
            read,
            truncated,
            OptionalString(root, "externalURL"));
    }

    private static WebhookAlert ReadAlert(JsonElement alert, string where)
    {
        if (alert.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookFormatException($"{where} must be an object.");
        }

        var fingerprint = OptionalString(alert, "fingerprint");
        if (string.IsNullOrWhiteSpace(fingerprint))
        {
            throw new WebhookFormatException($"{where}.fingerprint is missing; the bot needs it to match a resolution to its alert.");
        }

        var startsAt = Time(alert, "startsAt", where) ?? throw new WebhookFormatException($"{where}.startsAt is missing.");
        var endsAt = Time(alert, "endsAt", where);
        return new WebhookAlert(
            ReadStatus(alert, "status", where),
            Labels(alert, "labels", where + ".labels"),
            Labels(alert, "annotations", where + ".annotations"),
            startsAt,
            endsAt is { Year: > 1 } ? endsAt : null,
            fingerprint.Trim(),
            OptionalString(alert, "generatorURL"));
    }

    private static AlertStatus ReadStatus(JsonElement element, string name, string where) => OptionalString(element, name) switch
    {
        "firing" => AlertStatus.Firing,
        "resolved" => AlertStatus.Resolved,
        var other => throw new WebhookFormatException($"The status of {where} must be \"firing\" or \"resolved\", not {(other is null ? "missing" : $"\"{other}\"")}."),
    };

    private static DateTimeOffset? Time(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time)
            ? time
            : throw new WebhookFormatException($"{where}.{name} must be an RFC 3339 time such as 2026-03-03T02:00:00Z.");
    }

    private static Dictionary<string, string> Labels(JsonElement element, string name, string where)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!element.TryGetProperty(name, out var map) || map.ValueKind == JsonValueKind.Null)
        {
            return labels;
        }

        if (map.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookFormatException($"{where} must be an object of names to strings.");
        }

        foreach (var pair in map.EnumerateObject())
        {
            labels[pair.Name] = pair.Value.ValueKind == JsonValueKind.String
                ? pair.Value.GetString()!
                : throw new WebhookFormatException($"{where}.{pair.Name} must be a string.");
        }

        return labels;
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
