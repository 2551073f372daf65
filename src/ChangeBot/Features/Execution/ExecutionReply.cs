using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Execution;

/// <summary>
/// What the person who acted sees privately, and whether a handoff note is now owed (a C1/C2 change completed), so
/// the handler can open the handoff modal while its trigger id is still fresh.
/// </summary>
public sealed record ExecutionReply(MessageLayout Message, bool OffersHandoff = false);
