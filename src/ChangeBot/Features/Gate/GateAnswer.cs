using System.Globalization;
using ChangeBot.Domain.Admission;

namespace ChangeBot.Features.Gate;

/// <summary>The gate's JSON answer (also what <c>changebot policy explain --json</c> prints).</summary>
public sealed record GateAnswer(
    bool Allowed,
    IReadOnlyList<GateRuleMessage> Reasons,
    IReadOnlyList<GateRuleMessage> Conditions,
    string? NextAllowedAt,
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
            decision.Policy,
            monitoring);
    }
}
