using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary>
/// A modal: title, submit and close cut at 24, 100 blocks, private metadata up to 3000 (over it throws: cut
/// metadata would not parse). A modal with an input always gets a submit button, "Submit" unless named.
/// </summary>
public sealed record ModalView
{
    public ModalView(string callbackId, string title, IReadOnlyList<Block> blocks)
    {
        CallbackId = SlackText.Id(callbackId, nameof(callbackId));
        Title = title;
        Blocks = blocks;
    }

    public string CallbackId { get; }

    public string Title { get; }

    public IReadOnlyList<Block> Blocks { get; }

    public string? Submit { get; init; }

    public string? Close { get; init; }

    public bool NotifyOnClose { get; init; }

    public bool ClearOnClose { get; init; }

    public string? PrivateMetadata
    {
        get;
        init => field = value is { Length: > SlackLimits.PrivateMetadata }
            ? throw new ArgumentException($"private_metadata is {value.Length} characters; Slack allows {SlackLimits.PrivateMetadata}", nameof(PrivateMetadata))
            : value;
    }

    public string? ExternalId
    {
        get;
        init => field = SlackText.OptionalId(value, nameof(ExternalId));
    }

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = CallbackId,
            ["title"] = TextObject.Plain(Title).ToJson(SlackLimits.ModalTitle),
            ["blocks"] = new JsonArray([.. BlockList.Summarise(Blocks, SlackLimits.ViewBlocks).Select(b => (JsonNode)b.ToJson())]),
        };
        var submit = Submit ?? (Blocks.Any(b => b is InputBlock) ? "Submit" : null);
        if (submit is not null)
        {
            json["submit"] = TextObject.Plain(submit).ToJson(SlackLimits.ModalButton);
        }

        if (Close is not null)
        {
            json["close"] = TextObject.Plain(Close).ToJson(SlackLimits.ModalButton);
        }

        if (PrivateMetadata is not null)
        {
            json["private_metadata"] = PrivateMetadata;
        }

        if (ExternalId is not null)
        {
            json["external_id"] = ExternalId;
        }

        if (NotifyOnClose)
        {
            json["notify_on_close"] = true;
        }

        if (ClearOnClose)
        {
            json["clear_on_close"] = true;
        }

        return json;
    }
}
