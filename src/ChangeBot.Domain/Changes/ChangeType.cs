namespace ChangeBot.Domain.Changes;

/// <summary>The seed's three kinds of change.</summary>
public enum ChangeType
{
    /// <summary>Pre-approved, low-risk, repeatable; follows a template.</summary>
    Standard = 1,

    /// <summary>Full request, review, approve, schedule, execute workflow.</summary>
    Normal = 2,

    /// <summary>Production is down or at immediate risk; incident commander approves; retrospective owed.</summary>
    Emergency = 3,
}
