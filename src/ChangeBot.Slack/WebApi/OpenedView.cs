namespace ChangeBot.Slack.WebApi;

/// <summary>A view Slack accepted: its id and the hash that guards <c>views.update</c> against races.</summary>
public sealed record OpenedView(string Id, string? Hash);
