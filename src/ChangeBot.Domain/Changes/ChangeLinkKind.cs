namespace ChangeBot.Domain.Changes;

/// <summary>What a link on a change request points at.</summary>
public enum ChangeLinkKind
{
    Dashboard = 1,
    Issue = 2,
    Runbook = 3,
    Other = 4,
}
