using System.Text.Json.Nodes;

namespace ChangeBot.Testing.Slack;

/// <summary>One call the stand-in received: the method, how it was sent, its arguments and what Slack answered.</summary>
public sealed record RecordedSlackCall(
    string Method,
    string? ContentType,
    bool Authorized,
    JsonObject Arguments,
    int Status,
    string? Error)
{
    public string? Arg(string name) => Arguments[name] is JsonValue v ? v.ToString() : Arguments[name]?.ToJsonString();

    /// <summary>The message ts Slack answered (<c>ts</c>, or <c>message_ts</c> for an ephemeral), when it answered one.</summary>
    public string? Ts { get; init; }

    public bool Ok => Status == 200 && Error is null;
}
