using System.Text.Json.Nodes;

namespace ChangeBot.Tests.Features.Outbox;

/// <summary>One Web API call the Slack stand-in received, and the ts it answered with.</summary>
public sealed record SlackCall(string Method, JsonObject Body, string? Ts = null)
{
    public string? Text => Body["text"]?.GetValue<string>();

    public string? Channel => Body["channel"]?.GetValue<string>();

    public string? ThreadTs => Body["thread_ts"]?.GetValue<string>();

    public string? UpdatedTs => Method == "chat.update" ? Body["ts"]?.GetValue<string>() : null;
}
