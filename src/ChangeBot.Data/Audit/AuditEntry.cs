using System.Text.Json;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Data.Audit;

/// <summary>
/// One action to record: who (a Slack user id, an API client, a job's name), from where, what (a dotted verb such as
/// <c>change.approved</c>), on which change request, and the details as a JSON object.
/// </summary>
public sealed record AuditEntry(string Actor, ActorSource Source, string Action, ChangeId? ChangeId, string DetailsJson)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>An entry whose details are <paramref name="details"/> written as JSON (an anonymous object is fine).</summary>
    public static AuditEntry Of(string actor, ActorSource source, string action, ChangeId? changeId, object? details = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        return new AuditEntry(actor.Trim(), source, action, changeId, JsonSerializer.Serialize(details ?? new { }, Web));
    }
}
