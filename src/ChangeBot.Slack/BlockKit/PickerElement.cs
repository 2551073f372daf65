using System.Text.Json.Nodes;

namespace ChangeBot.Slack.BlockKit;

/// <summary>
/// Pickers that Slack fills itself: users, conversations, channels, date, time, date-time.
/// <see cref="Initial"/> is the element's initial value in Slack's format (user id, "YYYY-MM-DD", "HH:mm", Unix seconds).
/// </summary>
public sealed record PickerElement : BlockElement
{
    public PickerElement(string actionId, string type)
        : base(actionId) => Type = type;

    public const string UsersSelect = "users_select";
    public const string MultiUsersSelect = "multi_users_select";
    public const string ConversationsSelect = "conversations_select";
    public const string ChannelsSelect = "channels_select";
    public const string DatePicker = "datepicker";
    public const string TimePicker = "timepicker";
    public const string DateTimePicker = "datetimepicker";

    public string Type { get; }

    public string? Placeholder { get; init; }

    public string? Initial { get; init; }

    public string? Timezone { get; init; }

    public override JsonObject ToJson()
    {
        var json = Start(Type);
        if (Type != DateTimePicker)
        {
            AddPlaceholder(json, Placeholder);
        }

        if (Initial is not null)
        {
            switch (Type)
            {
                case UsersSelect: json["initial_user"] = Initial; break;
                case MultiUsersSelect: json["initial_users"] = new JsonArray(Initial); break;
                case ConversationsSelect: json["initial_conversation"] = Initial; break;
                case ChannelsSelect: json["initial_channel"] = Initial; break;
                case DatePicker: json["initial_date"] = Initial; break;
                case TimePicker: json["initial_time"] = Initial; break;
                case DateTimePicker: json["initial_date_time"] = long.Parse(Initial, System.Globalization.CultureInfo.InvariantCulture); break;
                default: throw new InvalidOperationException($"unknown picker type '{Type}'");
            }
        }

        if (Timezone is not null && Type == TimePicker)
        {
            json["timezone"] = Timezone;
        }

        return json;
    }
}
