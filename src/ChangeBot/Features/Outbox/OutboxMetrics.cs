using System.Diagnostics.Metrics;
using ChangeBot.Features.Operations;

namespace ChangeBot.Features.Outbox;

/// <summary>
/// Counters for what the outbox delivered, retried and gave up on, exported on <c>/metrics</c> as
/// <c>changebot_outbox_delivered_total</c>, <c>changebot_outbox_retried_total</c> and
/// <c>changebot_outbox_dead_lettered_total</c> (the meter comes from the host's factory, which the export listens to).
/// </summary>
internal sealed class OutboxMetrics : IDisposable
{
    public const string MeterName = ChangeBotMeters.MeterPrefix + "Outbox";

    // Owned only when made without a factory (unit tests); a factory's meters are disposed with it.
    private readonly Meter? _owned;

    public OutboxMetrics(IMeterFactory? meters = null)
    {
        var meter = meters?.Create(MeterName) ?? (_owned = new Meter(MeterName));
        Delivered = meter.CreateCounter<long>("changebot.outbox.delivered", description: "Slack calls delivered from the outbox");
        Retried = meter.CreateCounter<long>("changebot.outbox.retried", description: "Slack calls that failed and will be retried");
        DeadLettered = meter.CreateCounter<long>("changebot.outbox.dead_lettered", description: "Slack calls given up on and kept as dead letters");
    }

    public Counter<long> Delivered { get; }

    public Counter<long> Retried { get; }

    public Counter<long> DeadLettered { get; }

    public void Dispose() => _owned?.Dispose();
}
