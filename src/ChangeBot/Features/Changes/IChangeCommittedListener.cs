using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Changes;

/// <summary>
/// Told after a use case on a change request committed (e.g. App Home republishes the views of the people it
/// concerns). It runs after the commit, so a failure here never undoes the change; the runner logs it.
/// </summary>
public interface IChangeCommittedListener
{
    Task OnCommittedAsync(ChangeRequest change, CancellationToken cancellationToken);
}
