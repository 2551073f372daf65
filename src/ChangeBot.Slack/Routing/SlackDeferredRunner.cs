using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChangeBot.Slack.Routing;

/// <summary>
/// Runs work after the ack: each item at once and concurrently (one slow item must not hold up another
/// user's), in its own DI scope, cancelled when the host stops. A failure is logged with the request's ref
/// and the user is told.
/// </summary>
public sealed class SlackDeferredRunner(IServiceScopeFactory scopes, ILogger<SlackDeferredRunner> logger)
    : IHostedService, IDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    public void Start(IEnumerable<SlackDeferredWork> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        foreach (var item in work)
        {
            var task = Task.Run(() => RunAsync(item));
            _running.TryAdd(task, 0);
            task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    /// <summary>Runs a task the dispatcher stopped waiting for (a handler slower than the ack timeout) to its end.</summary>
    public void Track(Task task)
    {
        ArgumentNullException.ThrowIfNull(task);
        _running.TryAdd(task, 0);
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Nothing runs after an ack right now (what a test waits for before it moves its fake clock).</summary>
    public bool IsIdle => _running.IsEmpty;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The host was stopped twice (WebApplicationFactory and RunAsync both stop it) and the container already
            // disposed this runner: everything it ran has been cancelled then.
            return;
        }
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(DrainTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            logger.LogWarning("Stopped with {Count} Slack follow-ups still running", _running.Count);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(SlackDeferredWork item)
    {
        var context = item.Context;
        using var logScope = logger.BeginScope(new Dictionary<string, object> { ["SlackRef"] = context.CorrelationId });
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await item.Work(scope.ServiceProvider, _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            logger.LogInformation("Slack follow-up {SlackRef} cancelled: the host is stopping", context.CorrelationId);
        }
#pragma warning disable CA1031 // The last line of defence for background work: log it and tell the user, never crash the host.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Slack follow-up {SlackRef} failed", context.CorrelationId);
            var noticeScope = scopes.CreateAsyncScope();
            await using (noticeScope.ConfigureAwait(false))
            {
                await noticeScope.ServiceProvider.GetRequiredService<SlackUserNotices>()
                    .TellAsync(context, SlackUserNotices.SomethingWentWrong(context.CorrelationId), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
