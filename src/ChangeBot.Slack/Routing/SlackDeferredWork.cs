namespace ChangeBot.Slack.Routing;

/// <summary>Work a handler scheduled to run after Slack got its answer, in its own DI scope.</summary>
public sealed record SlackDeferredWork(SlackRequestContext Context, Func<IServiceProvider, CancellationToken, Task> Work);
