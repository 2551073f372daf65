using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Changes;

/// <summary>
/// The action ids of a change request's buttons, shared by the renderer and the router: a prefix naming the action,
/// then the CR id and the revision the button was rendered for, and for some a detail (the approval requirement, a
/// proposed start): <c>cr.approve:CR-2026-0001:3:reviewers</c>. Handlers register the prefix.
/// </summary>
public static class ChangeActions
{
    public const string Approve = "cr.approve:";
    public const string Reject = "cr.reject:";
    public const string Veto = "cr.veto:";
    public const string Edit = "cr.edit:";

    /// <summary>Take the next allowed start admission proposed; the detail is that start in Unix seconds.</summary>
    public const string TakeNextSlot = "cr.nextslot:";

    public const string Start = "cr.start:";
    public const string Advance = "cr.advance:";
    public const string Rollback = "cr.rollback:";
    public const string Complete = "cr.complete:";
    public const string Cancel = "cr.cancel:";
    public const string Handoff = "cr.handoff:";

    public static string For(string action, ChangeId id, int revision, string? detail = null) =>
        detail is null
            ? string.Create(CultureInfo.InvariantCulture, $"{action}{id}:{revision}")
            : string.Create(CultureInfo.InvariantCulture, $"{action}{id}:{revision}:{detail}");

    /// <summary>Reads an action id made by <see cref="For"/> for <paramref name="action"/>; false for anything else.</summary>
    public static bool TryParse(string? actionId, string action, [NotNullWhen(true)] out ChangeActionTarget? target)
    {
        target = null;
        if (actionId is null || !actionId.StartsWith(action, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = actionId[action.Length..].Split(':', 3);
        if (parts.Length < 2
            || !ChangeId.TryParse(parts[0], out var id)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            || revision < 1)
        {
            return false;
        }

        target = new ChangeActionTarget(id, revision, parts.Length == 3 && parts[2].Length > 0 ? parts[2] : null);
        return true;
    }
}
