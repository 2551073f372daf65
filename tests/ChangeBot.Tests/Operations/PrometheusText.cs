using System.Globalization;
using System.Text.RegularExpressions;
using ChangeBot.Features.Operations;

namespace ChangeBot.Tests.Operations;

/// <summary>Scrapes <c>/metrics</c> and reads samples out of the Prometheus text format.</summary>
internal static class PrometheusText
{
    public static async Task<string> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(OperationsEndpointExtensions.MetricsPath, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of one sample, e.g. <c>changebot_slack_requests_total{outcome="ok",route="commands",transport="http"}</c>; null when absent.</summary>
    public static double? Sample(string exposition, string series)
    {
        var match = Regex.Match(exposition, "^" + Regex.Escape(series) + " ([0-9.eE+-]+)$", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }
}
