namespace ChangeBot.Features.Monitoring;

/// <summary>One label matcher of a silence; <see cref="ToString"/> writes it as PromQL does: <c>job="api"</c>, <c>env=~"prod.*"</c>.</summary>
public sealed record SilenceMatcher(string Name, string Value, bool IsRegex, bool IsEqual = true)
{
    public override string ToString() => $"{Name}{(IsEqual ? "=" : "!")}{(IsRegex ? "~" : IsEqual ? string.Empty : "=")}\"{Value}\"";
}
