namespace ChangeBot.Features.Monitoring;

public enum MonitoringState
{
    /// <summary>No Prometheus or Alertmanager URL: the "no metrics, no changes" rule is off.</summary>
    NotConfigured = 1,

    Up = 2,

    /// <summary>Some part of the stack did not answer: no elective change may start (seed 2).</summary>
    Down = 3,
}
