using System.ComponentModel.DataAnnotations;

namespace ChangeBot.Features.Monitoring;

/// <summary>
/// <c>Monitoring:Alertmanager</c>: the server whose status is part of "monitoring is up", whose silences fill the
/// handoff note, and whose webhook alerts become incidents by the label <see cref="SeverityLabel"/>.
/// </summary>
public sealed class AlertmanagerOptions
{
    public string? Url { get; set; }

    /// <summary>The alert label whose value picks the incident severity.</summary>
    public string SeverityLabel { get; set; } = "severity";

    /// <summary>
    /// Label value → incident severity (S1–S4), matched ignoring case. Configuration adds to or overrides these
    /// defaults; an alert whose value is not here declares no incident, and the webhook answer says why.
    /// </summary>
    public Dictionary<string, string> Severities { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["critical"] = "S1",
        ["page"] = "S2",
        ["error"] = "S2",
        ["warning"] = "S3",
        ["info"] = "S4",
    };

    internal bool HasUrl => !string.IsNullOrWhiteSpace(Url);

    internal IEnumerable<ValidationResult> Validate()
    {
        if (MonitoringUrl.Problem("Monitoring:Alertmanager:Url", Url) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(Url)]);
        }

        if (string.IsNullOrWhiteSpace(SeverityLabel))
        {
            yield return new ValidationResult("Monitoring:Alertmanager:SeverityLabel must name an alert label, e.g. severity.", [nameof(SeverityLabel)]);
        }

        foreach (var (value, severity) in Severities)
        {
            if (!IncidentSeverityText.TryParse(severity, out _))
            {
                yield return new ValidationResult($"Monitoring:Alertmanager:Severities:{value} must be S1, S2, S3 or S4, not \"{severity}\".", [nameof(Severities)]);
            }
        }
    }
}
