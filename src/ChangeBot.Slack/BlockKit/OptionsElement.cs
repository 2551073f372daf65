using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary>
/// A select, radio group or checkbox group. Slack takes 100 options; a longer list keeps the first 100
/// (an option saying "and more" would be selectable), so long lists belong in an external select.
/// </summary>
public sealed record OptionsElement : BlockElement
{
    public OptionsElement(string actionId, OptionsKind kind, IReadOnlyList<OptionObject> options)
        : base(actionId)
    {
        Kind = kind;
        Options = options;
    }

    public OptionsKind Kind { get; }

    public IReadOnlyList<OptionObject> Options { get; }

    public string? Placeholder { get; init; }

    public IReadOnlyList<OptionObject> Initial { get; init; } = [];

    public override JsonObject ToJson()
    {
        var json = Start(Kind switch
        {
            OptionsKind.MultiStaticSelect => "multi_static_select",
            OptionsKind.RadioButtons => "radio_buttons",
            OptionsKind.Checkboxes => "checkboxes",
            _ => "static_select",
        });
        var options = Options.Take(SlackLimits.Options).ToList();
        json["options"] = new JsonArray([.. options.Select(o => o.ToJson())]);
        var initial = Initial.Where(options.Contains).ToList();
        if (initial.Count > 0)
        {
            if (Kind is OptionsKind.StaticSelect or OptionsKind.RadioButtons)
            {
                json["initial_option"] = initial[0].ToJson();
            }
            else
            {
                json["initial_options"] = new JsonArray([.. initial.Select(o => o.ToJson())]);
            }
        }

        if (Kind is OptionsKind.StaticSelect or OptionsKind.MultiStaticSelect)
        {
            AddPlaceholder(json, Placeholder);
        }

        return json;
    }
}
