namespace ChangeBot.Domain.Changes;

/// <summary>One version of a change request's content. Revision 1 is what was filed; every edit adds one.</summary>
public sealed record ChangeRevision(int Number, ChangeRequestContent Content, string EditedBy, DateTimeOffset EditedAt);
