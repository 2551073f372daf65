namespace ChangeBot.Features.Monitoring;

/// <summary>Why a request to Prometheus or Alertmanager gave no usable answer.</summary>
public enum MonitoringFailure
{
    /// <summary>No answer within <c>Monitoring:Timeout</c>.</summary>
    Timeout = 1,

    /// <summary>The connection failed: refused, reset, name not resolved.</summary>
    Unreachable = 2,

    /// <summary>An answer with an HTTP error status.</summary>
    HttpError = 3,

    /// <summary>Prometheus ran the query and rejected it (bad PromQL, a result type we can't compare, …).</summary>
    QueryRejected = 4,

    /// <summary>An answer that is not the API's JSON.</summary>
    UnreadableAnswer = 5,
}
