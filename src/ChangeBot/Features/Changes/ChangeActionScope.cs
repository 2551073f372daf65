using ChangeBot.Data;
using ChangeBot.Data.Audit;
using ChangeBot.Data.Outbox;
using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Changes;

/// <summary>
/// What a use case acting on one change request gets inside its unit of work: the CR, who acts, <c>now</c>, admission
/// without I/O, and the ways to say what happened. <see cref="Record"/> writes the audit entry and the thread reply
/// and marks the announcement for an update, which the runner renders once the act is done.
/// </summary>
public sealed class ChangeActionScope
{
    private readonly UnitOfWork _unit;
    private readonly AdmissionSituation _situation;

    internal ChangeActionScope(
        ChangeRequest change,
        UnitOfWork unit,
        ChangeActor actor,
        ChangeThread thread,
        AdmissionSituation situation,
        IReadOnlyDictionary<ApproverRole, IReadOnlyList<string>> roleMembers)
    {
        Change = change;
        _unit = unit;
        Actor = actor;
        Thread = thread;
        _situation = situation;
        RoleMembers = roleMembers;
    }

    public ChangeRequest Change { get; }

    public ChangeActor Actor { get; }

    public ChangeThread Thread { get; }

    /// <summary>The unit of work's moment: pass it to the domain as <c>now</c>.</summary>
    public DateTimeOffset Now => _unit.Now;

    /// <summary>The unit of work itself, for slices that also save operations records (overrides, handoff notes).</summary>
    public UnitOfWork Unit => _unit;

    public IReadOnlyDictionary<ApproverRole, IReadOnlyList<string>> RoleMembers { get; }

    /// <summary>Whether the announcement will be re-rendered when the act returns.</summary>
    public bool AnnouncementChanged { get; private set; }

    /// <summary>Admission for the CR as it is now, at <paramref name="start"/> (default: its planned start).</summary>
    public AdmissionDecision Decide(DateTimeOffset? start = null) => ChangeRequestAdmission.Decide(Change, _situation, Now, start);

    /// <summary>
    /// Audits <paramref name="action"/> (e.g. <c>change.approved</c>) by the actor, replies <paramref name="threadText"/> in
    /// the CR's thread and updates the announcement.
    /// </summary>
    public void Record(string action, string threadText, object? details = null)
    {
        Audit(action, details);
        Reply(ChangeThread.Text(threadText));
    }

    /// <summary>Audits an action and updates the announcement, without a thread reply.</summary>
    public void Audit(string action, object? details = null)
    {
        _unit.Audit(AuditEntry.Of(Actor.UserId, Actor.Source, action, Change.Id, details));
        AnnouncementChanged = true;
    }

    public void Reply(MessageLayout message) => _unit.Enqueue(Thread.Reply(Change.Id, message));

    /// <summary>Any other message the action owes (a DM, #production, #handoff), delivered once the unit commits.</summary>
    public void Enqueue(OutboxMessage message) => _unit.Enqueue(message);

    /// <summary>Re-render the announcement even though nothing was audited (e.g. admission changed).</summary>
    public void UpdateAnnouncement() => AnnouncementChanged = true;

    public ChangeView View() => new(Change, Change.State.IsTerminal() ? null : Decide(), RoleMembers);
}
