using System.Globalization;

namespace ChangeBot.Slack.Payloads;

/// <summary>
/// What an interactive element holds: one entry of <c>view.state.values[block_id][action_id]</c>, or the
/// value part of a block action. Which property is set depends on <see cref="Type"/>; an optional input
/// left empty arrives with its property null.
/// </summary>
public record ElementValue
{
    public required string Type { get; init; }

    /// <summary><c>plain_text_input</c>, <c>number_input</c> (still a string), <c>url_text_input</c>, <c>email_text_input</c>, buttons.</summary>
    public string? Value { get; init; }

    /// <summary><c>static_select</c>, <c>external_select</c>, <c>radio_buttons</c>, overflow.</summary>
    public SelectedOption? SelectedOption { get; init; }

    /// <summary><c>checkboxes</c>, <c>multi_static_select</c>, <c>multi_external_select</c>.</summary>
    public IReadOnlyList<SelectedOption>? SelectedOptions { get; init; }

    public string? SelectedUser { get; init; }

    public IReadOnlyList<string>? SelectedUsers { get; init; }

    public string? SelectedConversation { get; init; }

    public IReadOnlyList<string>? SelectedConversations { get; init; }

    public string? SelectedChannel { get; init; }

    public IReadOnlyList<string>? SelectedChannels { get; init; }

    /// <summary><c>datepicker</c>: "YYYY-MM-DD".</summary>
    public string? SelectedDate { get; init; }

    /// <summary><c>timepicker</c>: "HH:mm", in <see cref="Timezone"/> when Slack sends one.</summary>
    public string? SelectedTime { get; init; }

    public string? Timezone { get; init; }

    /// <summary><c>datetimepicker</c>: Unix seconds.</summary>
    public long? SelectedDateTime { get; init; }

    /// <summary>The datepicker's date, or null when none was chosen or it is not a date.</summary>
    public DateOnly? Date =>
        DateOnly.TryParseExact(SelectedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The timepicker's time of day, or null.</summary>
    public TimeOnly? Time =>
        TimeOnly.TryParseExact(SelectedTime, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>The datetimepicker's instant, or null.</summary>
    public DateTimeOffset? DateTime => SelectedDateTime is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>A number input's value, or null when empty or not a number.</summary>
    public decimal? Number =>
        decimal.TryParse(Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : null;
}
