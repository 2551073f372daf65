namespace ChangeBot.Slack.Routing;

/// <summary>What the transport sends back, and the work it starts once the answer is out.</summary>
public sealed record SlackDispatchResult(SlackAck Ack, IReadOnlyList<SlackDeferredWork> Deferred);
