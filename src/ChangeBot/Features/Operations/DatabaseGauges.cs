using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Text.Json;
using ChangeBot.Data.Changes;
using ChangeBot.Data.Outbox;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Operations;

/// <summary>
/// <c>changebot_outbox_depth</c> (pending Slack calls), <c>changebot_outbox_dead_letters</c> (given up on, kept) and
/// <c>changebot_changes{state}</c>, read from the database at most every <see cref="CacheFor"/>: several Prometheus
/// servers, or a person refreshing a dashboard, scraping every replica share one pair of queries. Until the first read
/// succeeds the gauges report nothing rather than a zero nobody measured; a failed read keeps the last values.
/// </summary>
internal sealed class DatabaseGauges : IScrapeRefresher
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private readonly OutboxStore _outbox;
    private readonly ChangeRequestQueries _changes;
    private readonly TimeProvider _clock;
    private readonly ILogger<DatabaseGauges> _logger;
    private readonly Lock _gate = new();
    private volatile Snapshot? _snapshot;
    private Task? _reading;
    private DateTimeOffset _readAt;

    public DatabaseGauges(IMeterFactory meters, OutboxStore outbox, ChangeRequestQueries changes, TimeProvider clock, ILogger<DatabaseGauges> logger)
    {
        _outbox = outbox;
        _changes = changes;
        _clock = clock;
        _logger = logger;
        var meter = meters.Create(ChangeBotMeters.Store);
        meter.CreateObservableGauge("changebot.outbox.depth", () => Read(s => s.Pending), description: "Slack calls waiting in the outbox to be delivered");
        meter.CreateObservableGauge("changebot.outbox.dead_letters", () => Read(s => s.Dead), description: "Slack calls given up on and kept in the outbox (state dead)");
        meter.CreateObservableGauge("changebot.changes", ByState, description: "Change requests by state");
    }

    public Task RefreshAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (_reading is { } reading && (!reading.IsCompleted || now - _readAt < CacheFor))
            {
                return reading.WaitAsync(cancellationToken);
            }

            _readAt = now;

            // Shared by every scrape in the next few seconds: one scraper giving up must not cancel it for the others.
            _reading = ReadAsync();
            return _reading.WaitAsync(cancellationToken);
        }
    }

    private static string StateLabel(ChangeState state) => JsonNamingPolicy.SnakeCaseLower.ConvertName(state.ToString());

    private async Task ReadAsync()
    {
        try
        {
            var outbox = await _outbox.CountAsync(CancellationToken.None).ConfigureAwait(false);
            var changes = await _changes.CountByStateAsync(CancellationToken.None).ConfigureAwait(false);
            _snapshot = new Snapshot(outbox[OutboxState.Pending], outbox[OutboxState.Dead], changes);
        }
        catch (Exception e) when (e is DbException or TimeoutException)
        {
            _logger.LogWarning("The outbox and change gauges could not be read from the database ({Error}); /metrics keeps the last values", e.Message);
        }
    }

    private IEnumerable<Measurement<long>> Read(Func<Snapshot, long> value) =>
        _snapshot is { } snapshot ? [new Measurement<long>(value(snapshot))] : [];

    private IEnumerable<Measurement<long>> ByState() =>
        _snapshot is { } snapshot
            ? [.. snapshot.Changes.OrderBy(c => c.Key).Select(c => new Measurement<long>(c.Value, new KeyValuePair<string, object?>("state", StateLabel(c.Key))))]
            : [];

    private sealed record Snapshot(long Pending, long Dead, IReadOnlyDictionary<ChangeState, long> Changes);
}
