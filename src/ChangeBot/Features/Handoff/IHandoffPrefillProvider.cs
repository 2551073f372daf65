using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Handoff;

/// <summary>
/// Seam: suggests the handoff note's contents for a change (a later issue fills the silenced alerts and graphs from
/// Alertmanager and the CR's dashboards). The default suggests nothing.
/// </summary>
public interface IHandoffPrefillProvider
{
    Task<HandoffPrefill> ForChangeAsync(ChangeRequest change, CancellationToken cancellationToken);
}
