namespace ChangeBot.Domain.Approvals;

/// <summary>How a role is named in messages.</summary>
public static class ApproverRoleText
{
    public static string Describe(this ApproverRole role) => role switch
    {
        ApproverRole.Reviewer => "reviewer",
        ApproverRole.Eoc => "EOC",
        ApproverRole.ReliabilityManager => "reliability manager",
        ApproverRole.Director => "director",
        ApproverRole.IncidentCommander => "incident commander",
        ApproverRole.Vpe => "VPE",
        ApproverRole.Admin => "admin",
        _ => role.ToString(),
    };
}
