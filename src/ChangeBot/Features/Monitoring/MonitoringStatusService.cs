using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Monitoring;

/// <summary>
/// Keeps the monitoring gate's state. "Up" means Prometheus is ready and answers the configured query with at least
/// one series, and Alertmanager answers its status API, each within the timeout. Until the first check it is down
/// ("not checked yet"): fail safe, and the check runs at start-up and before every start anyway.
/// </summary>
public sealed class MonitoringStatusService : IMonitoringStatus, IDisposable
{
    private readonly PrometheusClient _prometheus;
    private readonly AlertmanagerClient _alertmanager;
    private readonly MonitoringOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MonitoringStatusService> _logger;
    private readonly SemaphoreSlim _checking = new(1, 1);
    private volatile MonitoringSnapshot _current;

    public MonitoringStatusService(
        PrometheusClient prometheus,
        AlertmanagerClient alertmanager,
        IOptions<MonitoringOptions> options,
        TimeProvider time,
        ILogger<MonitoringStatusService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _prometheus = prometheus;
        _alertmanager = alertmanager;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _current = _options.IsConfigured
            ? new MonitoringSnapshot(MonitoringState.Down, time.GetUtcNow(), null, "not checked yet")
            : new MonitoringSnapshot(MonitoringState.NotConfigured, time.GetUtcNow(), null, null);
    }

    public MonitoringSnapshot Current => _current;

    public async Task<MonitoringSnapshot> CheckNowAsync(CancellationToken cancellationToken)
    {
        if (!_options.IsConfigured)
        {
            return _current;
        }

        // One check at a time, so "since" and the last-check time move forward in order.
        await _checking.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var problems = await Task.WhenAll(CheckPrometheusAsync(cancellationToken), CheckAlertmanagerAsync(cancellationToken)).ConfigureAwait(false);
            var reason = string.Join("; ", problems.Where(problem => problem is not null));
            var now = _time.GetUtcNow();
            var state = reason.Length == 0 ? MonitoringState.Up : MonitoringState.Down;
            var previous = _current;
            var since = previous.State == state && previous.LastCheckedAt is not null ? previous.Since : now;
            _current = new MonitoringSnapshot(state, since, now, state == MonitoringState.Down ? reason : null);
            if (previous.State != state || previous.LastCheckedAt is null)
            {
                if (state == MonitoringState.Up)
                {
                    _logger.LogInformation("Monitoring is up");
                }
                else
                {
                    _logger.LogWarning("Monitoring is down: {Reason}", reason);
                }
            }

            return _current;
        }
        finally
        {
            _checking.Release();
        }
    }

    public void Dispose() => _checking.Dispose();

    private async Task<string?> CheckPrometheusAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _prometheus.CheckReadyAsync(cancellationToken).ConfigureAwait(false);
            var query = _options.Prometheus.Query;
            var result = await _prometheus.QueryAsync(query, cancellationToken).ConfigureAwait(false);
            return result.Samples.Count == 0
                ? $"Prometheus answered the query `{query}` with no series: it has nothing to show"
                : null;
        }
        catch (MonitoringUnavailableException exception)
        {
            return exception.Message;
        }
    }

    private async Task<string?> CheckAlertmanagerAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _alertmanager.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (MonitoringUnavailableException exception)
        {
            return exception.Message;
        }
    }
}
