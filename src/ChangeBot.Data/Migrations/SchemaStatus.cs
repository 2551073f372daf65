namespace ChangeBot.Data.Migrations;

/// <summary>
/// What the database has applied against what this code knows: <see cref="Missing"/> are known scripts not applied,
/// <see cref="Unknown"/> are versions applied by a newer changebot.
/// </summary>
public sealed record SchemaStatus(int Expected, IReadOnlyList<Migration> Missing, IReadOnlyList<int> Unknown)
{
    public bool IsCurrent => Missing.Count == 0 && Unknown.Count == 0;
}
