namespace ChangeBot.Domain.Changes;

/// <summary>A dashboard, issue or other page related to the change; <see cref="Url"/> must be http(s).</summary>
public sealed record ChangeLink(ChangeLinkKind Kind, string Url, string? Title = null);
