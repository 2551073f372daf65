using ChangeBot.Slack.BlockKit;
using ChangeBot.Slack.Payloads;

namespace ChangeBot.Slack.Routing;

/// <summary>
/// Loads the options of an <c>external_select</c>, routed by its <c>action_id</c>. Slack shows at most 100; the
/// dispatcher sends the first 100 and answers an empty list when no handler is registered or it fails.
/// </summary>
public interface IBlockSuggestionHandler
{
    Task<IReadOnlyList<OptionObject>> SuggestAsync(BlockSuggestionPayload payload, SlackRequestContext context, CancellationToken cancellationToken);
}
