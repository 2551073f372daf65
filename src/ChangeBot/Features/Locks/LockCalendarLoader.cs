namespace ChangeBot.Features.Locks;

/// <summary>Loads the run-time locks into the calendar at start-up, after the migrations and before the scheduler.</summary>
internal sealed class LockCalendarLoader(LockCalendar calendar) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => calendar.RefreshAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
