namespace ChangeBot.Features.Monitoring;

/// <summary>The instant-query result types a rollback trigger can compare with a threshold.</summary>
public enum PrometheusResultType
{
    /// <summary>An instant vector: one sample per series.</summary>
    Vector = 1,

    /// <summary>A single number, e.g. <c>scalar(...)</c> or a literal.</summary>
    Scalar = 2,
}
