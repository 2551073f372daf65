using System.Text.Json;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Intake;

/// <summary>
/// What the intake modal remembers between opening and submitting: filing a new CR or editing one (at the revision
/// opened), the channel to confirm in, and whether the C1/C2 change-team fields are shown.
/// </summary>
public sealed record IntakeModalMetadata(string? ChangeId, int? Revision, string? Channel, bool ShowsTeam)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsEdit => ChangeId is not null;

    public ChangeId? Id => Domain.Changes.ChangeId.TryParse(ChangeId, out var id) ? id : null;

    public static IntakeModalMetadata New(string? channel) => new(null, null, channel, false);

    public static IntakeModalMetadata Edit(ChangeRequest change, string? channel)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new(change.Id.ToString(), change.Revision, channel, change.Criticality is Criticality.C1 or Criticality.C2);
    }

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>The metadata of a modal this bot opened; a tampered or foreign value reads as a new filing.</summary>
    public static IntakeModalMetadata Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return New(null);
        }

        try
        {
            return JsonSerializer.Deserialize<IntakeModalMetadata>(text, Json) ?? New(null);
        }
        catch (JsonException)
        {
            return New(null);
        }
    }
}
