using System.Globalization;
using ChangeBot.Data.Operations;

namespace ChangeBot.Features.Incidents;

/// <summary>An incident as the API answers it, with what the request did and the rollouts it paused or released.</summary>
public sealed record IncidentResource(
    string Id,
    string Severity,
    string Status,
    string Title,
    string StartedAt,
    string? ResolvedAt,
    string Source,
    string Outcome,
    IReadOnlyList<string> Paused,
    IReadOnlyList<string> Released)
{
    public static IncidentResource Of(IncidentOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var incident = outcome.Incident;
        return new IncidentResource(
            incident.Id,
            incident.Severity,
            incident.Status,
            incident.Title,
            Utc(incident.StartedAt),
            incident.ResolvedAt is { } resolved ? Utc(resolved) : null,
            incident.Source,
            outcome.Kind switch
            {
                IncidentOutcomeKind.Declared => "declared",
                IncidentOutcomeKind.Updated => "updated",
                IncidentOutcomeKind.Resolved => "resolved",
                IncidentOutcomeKind.RecordedResolved => "recorded",
                _ => "unchanged",
            },
            [.. outcome.Paused.Select(id => id.ToString())],
            [.. outcome.Released.Select(id => id.ToString())]);
    }

    private static string Utc(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>For an incident the request left as it was.</summary>
    internal static IncidentResource Of(IncidentRecord incident) => Of(new IncidentOutcome(incident, IncidentOutcomeKind.Unchanged, [], []));
}
