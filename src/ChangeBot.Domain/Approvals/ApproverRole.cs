namespace ChangeBot.Domain.Approvals;

/// <summary>
/// Who may give an approval. <see cref="Reviewer"/> is any engineer other than the requester;
/// the others are roles configured from Slack user groups or static lists.
/// </summary>
public enum ApproverRole
{
    Reviewer = 1,
    Eoc = 2,
    ReliabilityManager = 3,
    Director = 4,
    IncidentCommander = 5,
    Vpe = 6,
    Admin = 7,
}
