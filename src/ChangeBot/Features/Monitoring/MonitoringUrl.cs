namespace ChangeBot.Features.Monitoring;

/// <summary>Checks and normalises the base URLs of the monitoring servers.</summary>
internal static class MonitoringUrl
{
    /// <summary>Why <paramref name="url"/> is not usable as a base URL; <c>null</c> when it is.</summary>
    public static string? Problem(string key, string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return $"{key} is required: Prometheus and Alertmanager are configured together (leave both empty to run without monitoring).";
        }

        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? null
            : $"{key} must be an absolute http:// or https:// URL, not \"{url}\".";
    }

    /// <summary>The base address with a trailing slash, so relative paths keep a prefix such as <c>/prometheus/</c>.</summary>
    public static Uri BaseAddress(string url)
    {
        var text = url.Trim();
        return new Uri(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
    }
}
