namespace ChangeBot.Tests.Workflow;

/// <summary>The people of the end-to-end workspace and the roles the host is configured with.</summary>
public static class WorkflowUsers
{
    /// <summary>Files the changes (the stand-in knows her by default).</summary>
    public const string Requester = "U0ALICE";

    public const string Executor = "U0BOB";
    public const string Reviewer1 = "U0REV1";
    public const string Reviewer2 = "U0REV2";
    public const string Reviewer3 = "U0REV3";

    /// <summary>On call: a member of the EOC user group <see cref="EocGroup"/>.</summary>
    public const string Eoc = "U0EOC";

    public const string EocGroup = "S0EOC";
    public const string ReliabilityManager = "U0RELMGR";
    public const string Director = "U0DIRECTOR";
    public const string IncidentCommander = "U0IMOC";

    /// <summary>The VP of engineering: approves exceptions to the hard PCL.</summary>
    public const string Vpe = "U0VPE";
    public const string Admin = "U0ADMIN";
    public const string EventManager = "U0EMOC";
    public const string CommunicationsManager = "U0CMOC";

    /// <summary>The requester of the changes filed through <c>POST /api/v1/changes</c> (<see cref="WorkflowHost.FileAsync"/>).</summary>
    public const string ApiRequester = "U0REQ";

    /// <summary>The executor of the changes filed through the API.</summary>
    public const string ApiExecutor = "U0EXEC";

    /// <summary>Holds no role and is named in no change.</summary>
    public const string Stranger = "U0OTHER";

    public const string Reviewer4 = "U0REV4";

    /// <summary>A bot user: not a person, so it can't execute a change.</summary>
    public const string SomeBot = "U0DEPLOYBOT";

    public static IReadOnlyList<string> People { get; } =
        [Requester, Executor, Reviewer1, Reviewer2, Reviewer3, Reviewer4, Eoc, ReliabilityManager, Director, IncidentCommander, Vpe, Admin, EventManager, CommunicationsManager, ApiRequester, ApiExecutor, Stranger];
}
