using System.Diagnostics.Metrics;
using ChangeBot.Domain.Admission;
using ChangeBot.Features.Operations;

namespace ChangeBot.Features.Admission;

/// <summary>
/// Every admission decision (the gate, /change start, the scheduler): <c>changebot_admission_decisions_total{outcome}</c>
/// once per decision (allowed, refused), and <c>changebot_admission_refusals_total{rule}</c> once per rule that said no,
/// so "which rule blocks deploys" is one query.
/// </summary>
public sealed class AdmissionMetrics
{
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _refusals;

    public AdmissionMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(ChangeBotMeters.Admission);
        _decisions = meter.CreateCounter<long>("changebot.admission.decisions", description: "Admission decisions, by outcome (allowed, refused).");
        _refusals = meter.CreateCounter<long>("changebot.admission.refusals", description: "Rules that refused a change, by rule id (window.normal, pcl.hard, monitoring.down, ...).");
    }

    public void Decided(AdmissionDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        _decisions.Add(1, new KeyValuePair<string, object?>("outcome", decision.Allowed ? "allowed" : "refused"));
        foreach (var rule in decision.Reasons.Select(r => r.Rule).Distinct(StringComparer.Ordinal))
        {
            _refusals.Add(1, new KeyValuePair<string, object?>("rule", rule));
        }
    }
}
