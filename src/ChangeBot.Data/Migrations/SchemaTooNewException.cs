namespace ChangeBot.Data.Migrations;

/// <summary>The database was migrated by a newer changebot than this one: starting would misread it.</summary>
public sealed class SchemaTooNewException : Exception
{
    public SchemaTooNewException(string message)
        : base(message)
    {
    }

    public SchemaTooNewException()
    {
    }

    public SchemaTooNewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
