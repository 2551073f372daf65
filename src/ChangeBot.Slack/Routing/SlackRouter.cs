namespace ChangeBot.Slack.Routing;

/// <summary>Finds the handler type for a key: an exact route first, else the longest matching prefix.</summary>
public sealed class SlackRouter
{
    private readonly Dictionary<(SlackRouteKind, string), SlackRoute> _exact = [];
    private readonly List<SlackRoute> _prefixes;

    public SlackRouter(IEnumerable<SlackRoute> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var all = routes.ToList();
        foreach (var route in all.Where(r => !r.IsPrefix))
        {
            if (!_exact.TryAdd((route.Kind, route.Key), route))
            {
                throw new InvalidOperationException($"two Slack handlers registered for {route.Kind} '{route.Key}'");
            }
        }

        _prefixes = [.. all.Where(r => r.IsPrefix).OrderByDescending(r => r.Key.Length)];
    }

    public SlackRoute? Find(SlackRouteKind kind, string key) =>
        _exact.TryGetValue((kind, key), out var route)
            ? route
            : _prefixes.FirstOrDefault(r => r.Kind == kind && key.StartsWith(r.Key, StringComparison.Ordinal));
}
