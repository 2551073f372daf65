namespace ChangeBot.Features.Monitoring;

/// <summary>A silence as the handoff note lists it: what it matches, who made it, why, and until when.</summary>
public sealed record AlertmanagerSilence(
    string Id,
    SilenceState State,
    IReadOnlyList<SilenceMatcher> Matchers,
    string CreatedBy,
    string Comment,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt)
{
    /// <summary>The matchers as Alertmanager's UI shows them: <c>{alertname="HighLatency", job="api"}</c>.</summary>
    public string MatchersText => "{" + string.Join(", ", Matchers) + "}";
}
