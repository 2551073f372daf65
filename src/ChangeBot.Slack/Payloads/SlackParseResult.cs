using System.Diagnostics.CodeAnalysis;

namespace ChangeBot.Slack.Payloads;

/// <summary>A parsed payload, or the reason it could not be parsed (answered as HTTP 400).</summary>
public sealed record SlackParseResult<T>(T? Value, string? Error)
    where T : class
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Value is not null;
}
