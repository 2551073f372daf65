namespace ChangeBot.Slack.Routing;

/// <summary>
/// One registration: a command, <c>action_id</c>, <c>callback_id</c> or event type, and the handler class
/// resolved from DI per request. A prefix route matches ids that carry data, e.g. <c>cr.approve:CR-2026-0001:3</c>.
/// </summary>
public sealed record SlackRoute(SlackRouteKind Kind, string Key, bool IsPrefix, Type HandlerType);
