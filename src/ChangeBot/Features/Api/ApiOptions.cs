namespace ChangeBot.Features.Api;

/// <summary><c>ChangeBot:Api</c>: the bearer tokens pipelines present. Set them from the environment, never the repo.</summary>
public sealed class ApiOptions
{
    public const string Section = "ChangeBot:Api";

    /// <summary>Accepted bearer tokens (several, so one can be rotated while the other still works). None: every call is refused.</summary>
    public IList<string> Tokens { get; } = [];
}
