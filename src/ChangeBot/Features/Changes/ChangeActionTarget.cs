using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Changes;

/// <summary>What a change request button names: the CR, the revision it was rendered for, and an optional detail.</summary>
public sealed record ChangeActionTarget(ChangeId Id, int Revision, string? Detail);
