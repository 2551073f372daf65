namespace ChangeBot.Slack.BlockKit;

/// <summary>Cuts text to a Block Kit limit with an ellipsis, so nothing over a limit is ever sent.</summary>
public static class SlackText
{
    public const string Ellipsis = "…";

    public static string Truncate(string text, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (text.Length <= limit)
        {
            return text;
        }

        var cut = limit - Ellipsis.Length;
        // Never split a surrogate pair: half an emoji is invalid UTF-16 and Slack rejects it.
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + Ellipsis;
    }

    /// <summary>The line that stands for the items a list had to leave out.</summary>
    public static string AndMore(int count) => $"…and {count} more";

    /// <summary>
    /// Ids are part of the code (const strings shared by views and router): one over the limit is a
    /// programming error, so it throws rather than being cut into a different id.
    /// </summary>
    public static string Id(string id, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(id, what);
        return id.Length <= SlackLimits.Id
            ? id
            : throw new ArgumentException($"{what} is {id.Length} characters; Slack allows {SlackLimits.Id}", what);
    }

    public static string? OptionalId(string? id, string what) => id is null ? null : Id(id, what);
}
