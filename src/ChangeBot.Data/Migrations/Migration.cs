namespace ChangeBot.Data.Migrations;

/// <summary>One numbered script, e.g. <c>0001_initial.sql</c> is version 1 named "initial".</summary>
public sealed record Migration(int Version, string Name, string Sql);
