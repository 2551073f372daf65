namespace ChangeBot.Tests.Slack;

/// <summary>What the test sub-commands did, for assertions.</summary>
public sealed class TestSubCommandProbe
{
    private int _runs;

    public int Runs => _runs;

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void CountRun() => Interlocked.Increment(ref _runs);
}
