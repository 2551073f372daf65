namespace ChangeBot.Slack.Payloads;

/// <summary>An option the user chose in a select, radio group or checkbox group.</summary>
public sealed record SelectedOption
{
    public SlackTextValue? Text { get; init; }

    public required string Value { get; init; }
}
