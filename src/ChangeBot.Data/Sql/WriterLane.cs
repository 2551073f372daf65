namespace ChangeBot.Data.Sql;

/// <summary>What writers take turns for (<see cref="ISqlDialect.TakeTurnsSql"/>).</summary>
public enum WriterLane
{
    /// <summary>Applying migrations: two replicas starting at once must not both run them.</summary>
    Migrations = 1,

    /// <summary>Appending to the audit chain and the outbox, so both follow commit order.</summary>
    AuditChain = 2,
}
