using System.Diagnostics.Metrics;

namespace ChangeBot.Features.Outbox;

/// <summary>Counters for what the outbox delivered, retried and gave up on (exported with the app's other metrics).</summary>
internal sealed class OutboxMetrics : IDisposable
{
    public const string MeterName = "ChangeBot.Outbox";

    private readonly Meter _meter = new(MeterName);

    public OutboxMetrics()
    {
        Delivered = _meter.CreateCounter<long>("changebot_outbox_delivered", description: "Slack calls delivered from the outbox");
        Retried = _meter.CreateCounter<long>("changebot_outbox_retried", description: "Slack calls that failed and will be retried");
        DeadLettered = _meter.CreateCounter<long>("changebot_outbox_dead_lettered", description: "Slack calls given up on and kept as dead letters");
    }

    public Counter<long> Delivered { get; }

    public Counter<long> Retried { get; }

    public Counter<long> DeadLettered { get; }

    public void Dispose() => _meter.Dispose();
}
