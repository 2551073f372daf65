namespace ChangeBot.Slack.Payloads;

/// <summary>The inputs of a view: <c>values[block_id][action_id]</c>.</summary>
public sealed record ViewState
{
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, ElementValue>> Values { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, ElementValue>>();

    /// <summary>The value of one input, or null when the view has no such block or action.</summary>
    public ElementValue? Get(string blockId, string actionId) =>
        Values.TryGetValue(blockId, out var block) && block.TryGetValue(actionId, out var value) ? value : null;
}
