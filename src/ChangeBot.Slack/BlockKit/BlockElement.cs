using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary>An interactive element. Its <c>action_id</c> is what the router matches.</summary>
public abstract record BlockElement
{
    protected BlockElement(string actionId) => ActionId = SlackText.Id(actionId, nameof(actionId));

    public string ActionId { get; }

    public abstract JsonObject ToJson();

    protected JsonObject Start(string type) => new() { ["type"] = type, ["action_id"] = ActionId };

    protected static void AddPlaceholder(JsonObject json, string? placeholder)
    {
        if (placeholder is not null)
        {
            json["placeholder"] = TextObject.Plain(placeholder).ToJson(SlackLimits.Placeholder);
        }
    }
}
