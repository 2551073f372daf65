using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Features.Changes;

/// <summary>
/// Everything admission reads besides the change itself, gathered before a unit of work starts so the decision can
/// be taken inside it without I/O.
/// </summary>
public sealed record AdmissionSituation(
    ChangeCalendar Calendar,
    LiveState Live,
    IReadOnlyList<AdmissionOverride> Overrides,
    IReadOnlyList<LockExceptionGrant>? LockExceptions = null);
