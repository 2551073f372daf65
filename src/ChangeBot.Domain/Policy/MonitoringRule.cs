using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Policy;

/// <summary>"No metrics, no changes": while monitoring is down only the <see cref="Exempt"/> types may start.</summary>
public sealed record MonitoringRule(bool RequireMonitoring, IReadOnlySet<ChangeType> Exempt)
{
    public static MonitoringRule Default { get; } = new(true, new HashSet<ChangeType> { ChangeType.Emergency });
}
