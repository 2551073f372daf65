using ChangeBot.Domain.Changes;

namespace ChangeBot.Data.Changes;

/// <summary>A change request as loaded, with the version an update must name to prove nobody changed it since.</summary>
public sealed record StoredChangeRequest(ChangeRequest Change, long Version);
