using System.Globalization;
using ChangeBot.Features.Monitoring;

namespace ChangeBot.Features.Gate;

/// <summary>
/// The monitoring gate in the gate's JSON: <c>up</c>, <c>down</c> or <c>not_configured</c>, since when, when it was
/// last checked (null: never) and the sentence a person reads.
/// </summary>
public sealed record GateMonitoring(string State, string Since, string? LastCheckedAt, string Summary)
{
    public static GateMonitoring From(MonitoringSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var state = snapshot.State switch
        {
            MonitoringState.Up => "up",
            MonitoringState.Down => "down",
            _ => "not_configured",
        };
        return new GateMonitoring(state, Utc(snapshot.Since), snapshot.LastCheckedAt is { } at ? Utc(at) : null, snapshot.Summary);
    }

    private static string Utc(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
