using System.Text.Json.Nodes;

namespace ChangeBot.Testing.Slack;

/// <summary>
/// Slack's Block Kit limits as Slack enforces them, written apart from the production builders so a bug
/// there cannot hide itself here. Returns the first violation, in Slack's <c>invalid_blocks</c> style, or null.
/// </summary>
public static class SlackBlockRules
{
    public static string? CheckMessage(JsonNode? blocks) => CheckBlocks(blocks, 50, "message");

    public static string? CheckView(JsonNode? view)
    {
        if (view is not JsonObject v)
        {
            return "view must be an object";
        }

        var type = v["type"]?.ToString();
        var error = CheckBlocks(v["blocks"], 100, type ?? "view")
            ?? Id(v["callback_id"], "callback_id")
            ?? Id(v["external_id"], "external_id")
            ?? Length(v["private_metadata"], 3000, "private_metadata");
        if (error is not null || type != "modal")
        {
            return error ?? (type == "home" ? null : $"unknown view type '{type}'");
        }

        if (v["title"] is null)
        {
            return "modal must have a title";
        }

        error = Text(v["title"], 24, "title") ?? Text(v["submit"], 24, "submit") ?? Text(v["close"], 24, "close");
        var hasInput = v["blocks"] is JsonArray blocks && blocks.Any(b => b?["type"]?.ToString() == "input");
        return error ?? (hasInput && v["submit"] is null ? "a modal with input blocks must have a submit" : null);
    }

    private static string? CheckBlocks(JsonNode? node, int max, string surface)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray blocks)
        {
            return "blocks must be an array";
        }

        if (blocks.Count > max)
        {
            return $"must be {max} or fewer blocks in a {surface}, got {blocks.Count}";
        }

        for (var i = 0; i < blocks.Count; i++)
        {
            if (CheckBlock(blocks[i] as JsonObject) is { } error)
            {
                return $"[json-pointer:/blocks/{i}] {error}";
            }
        }

        return null;
    }

    private static string? CheckBlock(JsonObject? block)
    {
        if (block is null)
        {
            return "block must be an object";
        }

        var id = Id(block["block_id"], "block_id");
        if (id is not null)
        {
            return id;
        }

        switch (block["type"]?.ToString())
        {
            case "header":
                return Text(block["text"], 150, "header text", required: true);
            case "divider":
                return null;
            case "section":
                if (block["text"] is null && block["fields"] is null)
                {
                    return "section needs text or fields";
                }

                return Text(block["text"], 3000, "section text")
                    ?? List(block["fields"], 10, "fields", f => Text(f, 2000, "field text", required: true))
                    ?? (block["accessory"] is JsonObject accessory ? CheckElement(accessory) : null);
            case "context":
                return List(block["elements"], 10, "context elements", e => e?["type"]?.ToString() == "image" ? null : Text(e, 3000, "context text", required: true));
            case "actions":
                return List(block["elements"], 25, "actions elements", e => CheckElement(e as JsonObject));
            case "input":
                return Text(block["label"], 2000, "label", required: true)
                    ?? Text(block["hint"], 2000, "hint")
                    ?? (block["element"] is JsonObject element ? CheckElement(element) : "input needs an element");
            case var other:
                return $"unknown block type '{other}'";
        }
    }

    private static string? CheckElement(JsonObject? element)
    {
        if (element is null)
        {
            return "element must be an object";
        }

        var error = Id(element["action_id"], "action_id") ?? Text(element["placeholder"], 150, "placeholder");
        if (error is not null)
        {
            return error;
        }

        return element["type"]?.ToString() switch
        {
            "button" => Text(element["text"], 75, "button text", required: true)
                ?? Length(element["value"], 2000, "button value")
                ?? Length(element["url"], 3000, "button url"),
            "plain_text_input" => element["max_length"] is JsonValue max && max.GetValue<int>() > 3000
                ? "max_length must be 3000 or less"
                : Length(element["initial_value"], 3000, "initial_value"),
            "static_select" or "multi_static_select" or "radio_buttons" or "checkboxes" or "overflow" =>
                List(element["options"], 100, "options", CheckOption, required: true),
            _ => null,
        };
    }

    private static string? CheckOption(JsonNode? option) =>
        Text(option?["text"], 75, "option text", required: true) ?? Length(option?["value"], 150, "option value");

    private static string? List(JsonNode? node, int max, string what, Func<JsonNode?, string?> each, bool required = false)
    {
        if (node is null)
        {
            return required ? $"{what} are required" : null;
        }

        if (node is not JsonArray list)
        {
            return $"{what} must be an array";
        }

        return list.Count > max ? $"must be {max} or fewer {what}, got {list.Count}" : list.Select(each).FirstOrDefault(e => e is not null);
    }

    private static string? Text(JsonNode? node, int max, string what, bool required = false)
    {
        if (node is null)
        {
            return required ? $"{what} is required" : null;
        }

        var type = node["type"]?.ToString();
        if (type is not ("plain_text" or "mrkdwn"))
        {
            return $"{what} must be a text object";
        }

        return Length(node["text"], max, what);
    }

    private static string? Length(JsonNode? node, int max, string what)
    {
        var text = node?.ToString();
        return text is { Length: var n } && n > max ? $"{what} must be {max} characters or fewer, got {n}" : null;
    }

    private static string? Id(JsonNode? node, string what) => Length(node, 255, what);
}
