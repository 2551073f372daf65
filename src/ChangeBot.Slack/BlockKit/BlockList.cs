namespace ChangeBot.Slack.BlockKit;

/// <summary>Keeps a list within a Slack limit, the last slot saying how many were left out.</summary>
public static class BlockList
{
    public static IReadOnlyList<T> Summarise<T>(IReadOnlyList<T> items, int limit, Func<int, T> andMore)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(andMore);
        if (items.Count <= limit)
        {
            return items;
        }

        var kept = limit - 1;
        return [.. items.Take(kept), andMore(items.Count - kept)];
    }

    /// <summary>Blocks of a surface (message 50, view 100), summarised with a context block.</summary>
    public static IReadOnlyList<Block> Summarise(IReadOnlyList<Block> blocks, int limit) =>
        Summarise(blocks, limit, more => ContextBlock.Markdown(SlackText.AndMore(more)));
}
