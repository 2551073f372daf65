namespace ChangeBot.Domain.Policy;

/// <summary>What a lock covers: some environments and services; an empty list means all of them.</summary>
public sealed record LockScope(IReadOnlySet<string> Environments, IReadOnlySet<string> Services)
{
    public static LockScope Everything { get; } = new(
        new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(StringComparer.OrdinalIgnoreCase));

    public static LockScope Of(IEnumerable<string> environments, IEnumerable<string> services) => new(
        new HashSet<string>(environments, StringComparer.OrdinalIgnoreCase),
        new HashSet<string>(services, StringComparer.OrdinalIgnoreCase));

    public bool Covers(string environment, IReadOnlyList<string> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var environmentCovered = Environments.Count == 0 || Environments.Contains(environment);
        var servicesCovered = Services.Count == 0 || services.Count == 0 || services.Any(Services.Contains);
        return environmentCovered && servicesCovered;
    }

    public override string ToString()
    {
        var environments = Environments.Count == 0 ? "every environment" : string.Join(", ", Environments.Order(StringComparer.Ordinal));
        var services = Services.Count == 0 ? "every service" : string.Join(", ", Services.Order(StringComparer.Ordinal));
        return $"{environments}; {services}";
    }
}
