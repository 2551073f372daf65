using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Handoff;

/// <summary>The default: the modal starts empty.</summary>
internal sealed class NoHandoffPrefill : IHandoffPrefillProvider
{
    public Task<HandoffPrefill> ForChangeAsync(ChangeRequest change, CancellationToken cancellationToken) => Task.FromResult(HandoffPrefill.Empty);
}
