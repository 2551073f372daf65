namespace ChangeBot.Features.Monitoring;

/// <summary>What <c>/api/v2/status</c> says: the version, the cluster state (ready, settling, disabled) and since when it runs.</summary>
public sealed record AlertmanagerStatus(string Version, string ClusterStatus, DateTimeOffset? RunningSince);
