namespace ChangeBot.Domain.Approvals;

/// <summary>
/// What a criticality asks for (seed 2): C1 reliability-management approval, EOC written approval and EOC
/// confirmation on the bridge, announced in #production; C2 EOC written approval, announced in #production;
/// C3 EOC review acknowledged; C4 none.
/// </summary>
public sealed record CriticalityApprovals(
    bool ReliabilityManager,
    bool EocWritten,
    bool EocBridgeConfirmation,
    bool EocAcknowledgement,
    bool AnnounceInProduction);
