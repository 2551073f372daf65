namespace ChangeBot.Features.Monitoring;

/// <summary>
/// Prometheus or Alertmanager gave no usable answer. <see cref="Exception.Message"/> is the sentence shown as the
/// reason monitoring is down, e.g. "Prometheus did not answer /-/ready within 2 s".
/// </summary>
public sealed class MonitoringUnavailableException : Exception
{
    public MonitoringUnavailableException(string service, MonitoringFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Service = service;
        Failure = failure;
    }

    public MonitoringUnavailableException()
        : this("monitoring", MonitoringFailure.UnreadableAnswer, "Monitoring gave no usable answer.")
    {
    }

    public MonitoringUnavailableException(string message)
        : this("monitoring", MonitoringFailure.UnreadableAnswer, message)
    {
    }

    public MonitoringUnavailableException(string message, Exception innerException)
        : this("monitoring", MonitoringFailure.UnreadableAnswer, message, innerException)
    {
    }

    /// <summary>"Prometheus" or "Alertmanager".</summary>
    public string Service { get; }

    public MonitoringFailure Failure { get; }

    /// <summary>Prometheus's <c>errorType</c> (e.g. <c>bad_data</c>) when it rejected a query.</summary>
    public string? ErrorType { get; init; }
}
