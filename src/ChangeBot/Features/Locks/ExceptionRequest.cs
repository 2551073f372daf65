using System.Text.Json;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Features.Locks;

/// <summary>
/// A change asking to run during a lock under one of its named exceptions. Carried whole in the Approve/Deny buttons'
/// value (Slack allows 2000 characters), so a decision needs no lookup table and names exactly what was asked, down to
/// the revision of the change the approver is shown (an edit since voids the question, as it voids approvals).
/// </summary>
public sealed record ExceptionRequest(string ChangeId, string LockId, string Category, string RequestedBy, string Reason, int Revision = 0)
{
    public const int MaxReason = 1500;

    public ChangeId Change => Domain.Changes.ChangeId.Parse(ChangeId);

    public ExceptionCategory ExceptionCategory => ExceptionCategoryText.TryParse(Category, out var category) ? category : throw new JsonException($"'{Category}' is not an exception category.");

    public string ToJson() => JsonSerializer.Serialize(this, LockRecords.Json);

    public static ExceptionRequest? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ExceptionRequest>(json, LockRecords.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
