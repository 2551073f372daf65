using ChangeBot.Domain.Approvals;

namespace ChangeBot.Domain.Changes;

/// <summary>
/// What an edit did. <see cref="Voided"/> lists the approvals it cancelled, so the thread can tell their givers to
/// look again; <see cref="Changed"/> is false when the content was identical, and then nothing else happened.
/// </summary>
public sealed record EditOutcome(
    bool Changed,
    int Revision,
    IReadOnlyList<Approval> Voided,
    ChangeState StateBefore,
    ChangeState StateAfter,
    IReadOnlyList<FieldError> Warnings);
