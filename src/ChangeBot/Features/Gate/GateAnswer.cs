using System.Globalization;
using ChangeBot.Domain.Admission;

namespace ChangeBot.Features.Gate;

/// <summary>
/// The gate's JSON answer (also what <c>changebot policy explain --json</c> prints). <see cref="WaitingFor"/> lists
/// the rules blocking it that no time lifts, only live state or an approval (e.g. <c>incident.active</c>,
/// <c>monitoring.down</c>, <c>serialisation</c>): then <see cref="NextAllowedAt"/> is null because nobody can say when
/// they clear, not because the calendar is shut.
/// </summary>
public sealed record GateAnswer(
    bool Allowed,
    IReadOnlyList<GateRuleMessage> Reasons,
    IReadOnlyList<GateRuleMessage> Conditions,
    string? NextAllowedAt,
    IReadOnlyList<string> WaitingFor,
    string Policy,
    GateMonitoring? Monitoring = null)
{
    /// <summary>The answer to <paramref name="decision"/>; <paramref name="monitoring"/> adds the monitoring gate's state (the HTTP gate does).</summary>
    public static GateAnswer From(AdmissionDecision decision, GateMonitoring? monitoring = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new GateAnswer(
            decision.Allowed,
            [.. decision.Reasons.Select(r => new GateRuleMessage(r.Rule, r.Message))],
            [.. decision.Conditions.Select(c => new GateRuleMessage(c.Rule, c.Message))],
            decision.NextAllowedAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            decision.WaitingFor,
            decision.Policy,
            monitoring);
    }
}
