using System.Globalization;
using System.Text.Json;

namespace ChangeBot.Features.Monitoring;

/// <summary>Reads Prometheus's JSON envelope (<c>status</c>, <c>data</c>, <c>errorType</c>, <c>error</c>) into typed results.</summary>
internal static class PrometheusAnswer
{
    private const string Service = "Prometheus";
    private const string QueryPath = "/api/v1/query";

    public static PrometheusQueryResult ReadQuery(JsonElement root, string promQl)
    {
        try
        {
            var status = root.GetProperty("status").GetString();
            if (status != "success")
            {
                var errorType = root.TryGetProperty("errorType", out var type) ? type.GetString() : null;
                var error = root.TryGetProperty("error", out var text) ? text.GetString() : null;
                // Prometheus's own evaluation timeout (we pass ours on) is a timeout, not a bad query.
                var failure = errorType == "timeout" ? MonitoringFailure.Timeout : MonitoringFailure.QueryRejected;
                throw new MonitoringUnavailableException(Service, failure, $"Prometheus refused the query `{promQl}`: {errorType ?? "error"}: {error ?? "no reason given"}")
                {
                    ErrorType = errorType,
                };
            }

            var data = root.GetProperty("data");
            var resultType = data.GetProperty("resultType").GetString();
            var result = data.GetProperty("result");
            return resultType switch
            {
                "vector" => new PrometheusQueryResult(PrometheusResultType.Vector, [.. result.EnumerateArray().Select(ReadSeries)]),
                "scalar" => new PrometheusQueryResult(PrometheusResultType.Scalar, [ReadSample(new Dictionary<string, string>(), result)]),
                _ => throw new MonitoringUnavailableException(
                    Service,
                    MonitoringFailure.QueryRejected,
                    $"Prometheus answered the query `{promQl}` with a {resultType}; a rollback trigger needs an instant vector or a scalar to compare with its threshold (drop the [range] or wrap it in a function such as rate()).")
                {
                    ErrorType = "unsupported_result_type",
                },
            };
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw MonitoringHttp.Unreadable(Service, QueryPath, exception.Message, exception);
        }
    }

    private static PrometheusSample ReadSeries(JsonElement series)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in series.GetProperty("metric").EnumerateObject())
        {
            labels[label.Name] = label.Value.GetString() ?? string.Empty;
        }

        return ReadSample(labels, series.GetProperty("value"));
    }

    /// <summary>A sample is <c>[unix seconds, "value"]</c>; the value is a string so NaN and infinities survive JSON.</summary>
    private static PrometheusSample ReadSample(Dictionary<string, string> labels, JsonElement pair)
    {
        if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2)
        {
            throw new FormatException("a sample must be [time, \"value\"]");
        }

        var seconds = pair[0].GetDouble();
        var timestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        return new PrometheusSample(labels, timestamp, ParseValue(pair[1].GetString()));
    }

    private static double ParseValue(string? text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        _ => throw new FormatException($"\"{text}\" is not a sample value"),
    };
}
