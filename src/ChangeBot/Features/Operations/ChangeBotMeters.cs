namespace ChangeBot.Features.Operations;

/// <summary>
/// How a slice publishes metrics: create its <see cref="System.Diagnostics.Metrics.Meter"/> through the injected
/// <see cref="System.Diagnostics.Metrics.IMeterFactory"/> (so two hosts in one test process never mix numbers), name the
/// meter <c>ChangeBot.&lt;Slice&gt;</c> and each instrument <c>changebot.&lt;slice&gt;.&lt;thing&gt;</c>, keep tag values to a
/// small fixed set, and always record the same tag keys per instrument. <see cref="PrometheusMeterBridge"/> exports
/// every such instrument on <c>/metrics</c>: dots become underscores, a counter gains <c>_total</c>, a histogram with
/// unit <c>s</c> gains <c>_seconds</c>; an <c>ObservableGauge</c> (outbox depth, CRs by state) is read at each scrape.
/// </summary>
public static class ChangeBotMeters
{
    /// <summary>Meters whose name starts with this are exported.</summary>
    public const string MeterPrefix = "ChangeBot.";

    /// <summary>Instruments whose name starts with this are exported.</summary>
    public const string InstrumentPrefix = "changebot.";

    public const string Admission = MeterPrefix + "Admission";

    /// <summary>Gauges read from the database: outbox depth and dead letters, change requests by state.</summary>
    public const string Store = MeterPrefix + "Store";
}
