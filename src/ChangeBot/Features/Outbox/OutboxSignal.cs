namespace ChangeBot.Features.Outbox;

/// <summary>
/// Wakes the outbox worker as soon as a unit of work with messages has committed, so a reply reaches Slack at once
/// rather than at the next poll. The poll remains for messages written by another replica.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify()
    {
        lock (_gate)
        {
            _next.TrySetResult();
        }
    }

    /// <summary>Completes at the next <see cref="Notify"/> (or at once if one came since the last wait), or after <paramref name="poll"/>.</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider time, CancellationToken cancellationToken)
    {
        Task signalled;
        lock (_gate)
        {
            signalled = _next.Task;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(poll, time, stop.Token);
        await Task.WhenAny(signalled, delay).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        lock (_gate)
        {
            if (_next.Task.IsCompleted)
            {
                _next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
