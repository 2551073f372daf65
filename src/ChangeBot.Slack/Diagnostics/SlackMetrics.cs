using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChangeBot.Slack.Diagnostics;

/// <summary>
/// The adapter's measurements on a <see cref="Meter"/> named <see cref="MeterName"/>, created through the host's
/// <see cref="IMeterFactory"/> so two hosts in one process (tests) never mix their numbers. The adapter knows no
/// exporter: the host turns these into Prometheus metrics. Every tag value comes from a small fixed set (route,
/// method, Slack's error code, a verification reason), never from user input.
/// </summary>
public sealed class SlackMetrics
{
    public const string MeterName = "ChangeBot.Slack";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _requestDuration;
    private readonly Counter<long> _verificationFailures;
    private readonly Counter<long> _apiCalls;
    private readonly Histogram<double> _apiDuration;
    private readonly Counter<long> _socketConnections;

    public SlackMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("changebot.slack.requests", description: "Slack requests answered, by route (commands, interactions, events), transport (http, socket) and outcome.");
        _requestDuration = meter.CreateHistogram<double>("changebot.slack.request.duration", unit: "s", description: "Time from receiving a Slack request to its ack being sent.");
        _verificationFailures = meter.CreateCounter<long>("changebot.slack.verification.failures", description: "Inbound Slack requests refused because the signature did not verify, by reason.");
        _apiCalls = meter.CreateCounter<long>("changebot.slack.api.calls", description: "Slack Web API attempts, by method and outcome (ok, Slack's error code, ratelimited, http_5xx, timeout, connection_failed).");
        _apiDuration = meter.CreateHistogram<double>("changebot.slack.api.duration", unit: "s", description: "Duration of one Slack Web API attempt, by method.");
        _socketConnections = meter.CreateCounter<long>("changebot.slack.socket.connections", description: "Socket Mode connection attempts, by outcome (connected, failed).");
    }

    /// <summary>Starts timing a request; call <see cref="RequestAnswered"/> with the value when the ack is out.</summary>
    public static long Start() => Stopwatch.GetTimestamp();

    public void RequestAnswered(string route, string transport, string outcome, long startedAt)
    {
        var tags = new TagList { { "route", route }, { "transport", transport }, { "outcome", outcome } };
        _requests.Add(1, tags);
        _requestDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, tags);
    }

    public void VerificationFailed(string reason) => _verificationFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void ApiCalled(string method, string outcome, long startedAt)
    {
        _apiCalls.Add(1, new TagList { { "method", method }, { "outcome", outcome } });
        _apiDuration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, new KeyValuePair<string, object?>("method", method));
    }

    public void SocketConnection(string outcome) => _socketConnections.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>The route label of an inbound kind, as in the HTTP path: commands, interactions, events.</summary>
    public static string RouteOf(Routing.SlackInboundKind kind) => kind switch
    {
        Routing.SlackInboundKind.Command => "commands",
        Routing.SlackInboundKind.Interaction => "interactions",
        _ => "events",
    };
}
