using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Admission;

/// <summary>
/// A recorded decision to lift one named rule (e.g. <c>pcl.soft</c>) for one change request until it expires.
/// </summary>
public sealed record AdmissionOverride(string Rule, ChangeId ChangeId, string By, string Why, DateTimeOffset ExpiresAt)
{
    public bool Lifts(string rule, ChangeId? change, DateTimeOffset now) =>
        change == ChangeId && now < ExpiresAt && string.Equals(rule, Rule, StringComparison.OrdinalIgnoreCase);
}
