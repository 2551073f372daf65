namespace ChangeBot.Features.Home;

/// <summary>A lock occurrence as the Home tab shows it: "soft PCL 'Release day'", from, until, what it blocks.</summary>
public sealed record HomeLock(string Title, DateTimeOffset From, DateTimeOffset Until, string Blocks);
