namespace ChangeBot.Testing.Slack;

/// <summary>What the stand-in answers instead of the real thing for one call: a status and, for 429, a Retry-After.</summary>
public sealed record ScriptedFailure(int Status, int? RetryAfterSeconds);
