using System.Text.Json;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Approvals;

/// <summary>The small modal Reject and Veto open to ask why; its metadata names the action, the CR and the revision seen.</summary>
public static class ReasonModal
{
    public const string CallbackId = "cr.reason";
    public const string BlockId = "reason";
    public const string ActionId = "value";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ModalView Build(ReasonRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var veto = request.IsVeto;
        var intro = veto
            ? $"Vetoing *{request.ChangeId}* stops it for good; if it is running, its executor rolls it back."
            : $"Rejecting *{request.ChangeId}* sends it back to its requester; they can file it again.";
        return new ModalView(CallbackId, veto ? "Veto change" : "Reject change",
        [
            SectionBlock.Markdown(intro),
            new InputBlock(BlockId, veto ? "Why veto it?" : "Why reject it?", new TextInputElement(ActionId) { Multiline = true, Placeholder = "The requester and the thread see this." }),
        ])
        {
            Submit = veto ? "Veto" : "Reject",
            Close = "Cancel",
            PrivateMetadata = JsonSerializer.Serialize(request, Json),
        };
    }

    public static ReasonRequest? Read(string? metadata)
    {
        try
        {
            return string.IsNullOrWhiteSpace(metadata) ? null : JsonSerializer.Deserialize<ReasonRequest>(metadata, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
