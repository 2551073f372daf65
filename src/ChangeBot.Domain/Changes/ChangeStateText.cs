namespace ChangeBot.Domain.Changes;

/// <summary>How a <see cref="ChangeState"/> is said to people and written to the wire.</summary>
public static class ChangeStateText
{
    private static readonly (ChangeState State, string Wire, string Phrase)[] Names =
    [
        (ChangeState.Draft, "draft", "a draft"),
        (ChangeState.Submitted, "submitted", "waiting for approval"),
        (ChangeState.Approved, "approved", "approved"),
        (ChangeState.Scheduled, "scheduled", "scheduled"),
        (ChangeState.InProgress, "in_progress", "in progress"),
        (ChangeState.Monitoring, "monitoring", "in its bake period"),
        (ChangeState.Completed, "completed", "completed"),
        (ChangeState.Rejected, "rejected", "rejected"),
        (ChangeState.Vetoed, "vetoed", "vetoed"),
        (ChangeState.Cancelled, "cancelled", "cancelled"),
        (ChangeState.RolledBack, "rolled_back", "rolled back"),
        (ChangeState.Aborted, "aborted", "aborted"),
    ];

    /// <summary>Completed or one of the exits: nothing more happens to the change.</summary>
    public static bool IsTerminal(this ChangeState state) =>
        state is ChangeState.Completed or ChangeState.Rejected or ChangeState.Vetoed
            or ChangeState.Cancelled or ChangeState.RolledBack or ChangeState.Aborted;

    /// <summary>Rolling out or baking: the production environment is being changed right now.</summary>
    public static bool IsUnderway(this ChangeState state) =>
        state is ChangeState.InProgress or ChangeState.Monitoring;

    /// <summary>What follows "CR-2026-0451 is …": "in progress", "a draft", "waiting for approval".</summary>
    public static string Describe(this ChangeState state) => Find(state).Phrase;

    /// <summary>The stable snake_case name for JSON and SQL: "in_progress", "rolled_back".</summary>
    public static string ToWireName(this ChangeState state) => Find(state).Wire;

    public static bool TryParseWireName(string? text, out ChangeState state)
    {
        foreach (var name in Names)
        {
            if (string.Equals(name.Wire, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                state = name.State;
                return true;
            }
        }

        state = default;
        return false;
    }

    /// <summary>
    /// Seed 2's tracker label: change::unscheduled until approved and scheduled, then change::scheduled;
    /// <c>null</c> for drafts and changes that have moved past scheduling.
    /// </summary>
    public static string? Label(this ChangeState state) => state switch
    {
        ChangeState.Submitted or ChangeState.Approved => "change::unscheduled",
        ChangeState.Scheduled => "change::scheduled",
        _ => null,
    };

    private static (ChangeState State, string Wire, string Phrase) Find(ChangeState state)
    {
        foreach (var name in Names)
        {
            if (name.State == state)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown change state.");
    }
}
