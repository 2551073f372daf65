using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using ChangeBot.Slack.Diagnostics;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;
using ChangeBot.Slack.WebApi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeBot.Slack.SocketMode;

/// <summary>
/// The Socket Mode transport, for teams without a public URL: opens a connection with <c>apps.connections.open</c>,
/// feeds every envelope to the same <see cref="SlackDispatcher"/> as the HTTP endpoints, acks with
/// <c>{"envelope_id":…, "payload": &lt;the HTTP ack's body&gt;}</c> and then starts the after-ack work, exactly as over
/// HTTP. On <c>disconnect</c> it finishes the acks in flight and reconnects at once; on a dropped socket or a failed
/// open it waits 1 s, 2 s, 4 s … up to 30 s (on the injected clock) and tries again, for as long as the host runs.
/// No signatures: the connection itself, opened with the app token, is the proof.
/// </summary>
public sealed class SlackSocketModeClient(
    IOptions<SlackOptions> options,
    SlackSocketConnectionOpener opener,
    SlackDispatcher dispatcher,
    SlackDeferredRunner runner,
    SlackMetrics metrics,
    TimeProvider time,
    ILogger<SlackSocketModeClient> logger) : BackgroundService
{
    public const string Transport = "socket";

    /// <summary>As over HTTP: Slack's frames are a few KiB.</summary>
    public const int MaxFrameBytes = 1024 * 1024;

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SocketMode)
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            bool reconnectAtOnce;
            try
            {
                var url = await opener.OpenAsync(stoppingToken).ConfigureAwait(false);
                using var socket = new ClientWebSocket();
                await socket.ConnectAsync(url, stoppingToken).ConfigureAwait(false);
                metrics.SocketConnection("connected");
                var end = await RunConnectionAsync(socket, () => failures = 0, stoppingToken).ConfigureAwait(false);
                reconnectAtOnce = end == ConnectionEnd.DisconnectRequested;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is SlackApiException or WebSocketException or HttpRequestException or OperationCanceledException)
            {
                metrics.SocketConnection("failed");
                logger.LogWarning("Slack Socket Mode connection failed: {Reason}", e.Message);
                reconnectAtOnce = false;
            }

            if (reconnectAtOnce)
            {
                continue;
            }

            var wait = Backoff(failures++);
            logger.LogInformation("Slack Socket Mode reconnecting in {Wait}", wait);
            try
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private static TimeSpan Backoff(int failures)
    {
        var delay = FirstBackoff * Math.Pow(2, Math.Min(failures, 10));
        return delay < MaxBackoff ? delay : MaxBackoff;
    }

    private async Task<ConnectionEnd> RunConnectionAsync(ClientWebSocket socket, Action connected, CancellationToken stoppingToken)
    {
        using var connection = new Connection(socket);
        try
        {
            while (true)
            {
                var frame = await ReceiveAsync(socket, stoppingToken).ConfigureAwait(false);
                if (frame is null)
                {
                    logger.LogWarning("Slack Socket Mode connection closed by the other side ({Status})", socket.CloseStatus?.ToString() ?? "dropped");
                    return ConnectionEnd.Dropped;
                }

                switch (SocketModeFrame.Parse(frame))
                {
                    case null:
                        logger.LogWarning("Slack Socket Mode frame is not a JSON object with a type; ignored");
                        break;
                    case { Type: SocketModeFrame.Hello }:
                        connected();
                        logger.LogInformation("Slack Socket Mode connected");
                        break;
                    case { Type: SocketModeFrame.Disconnect } disconnect:
                        logger.LogInformation("Slack Socket Mode asked to reconnect ({Reason})", disconnect.Reason ?? "no reason");
                        await connection.DrainAsync().ConfigureAwait(false);
                        await CloseAsync(socket).ConfigureAwait(false);
                        return ConnectionEnd.DisconnectRequested;
                    case { EnvelopeId: { Length: > 0 } } envelope:
                        connection.Track(GuardAsync(connection, envelope, stoppingToken));
                        break;
                    case var other:
                        logger.LogWarning("Slack Socket Mode frame of type {Type} without an envelope_id; ignored", other.Type);
                        break;
                }
            }
        }
        catch (WebSocketException e)
        {
            logger.LogWarning("Slack Socket Mode connection dropped ({Reason})", e.WebSocketErrorCode);
            return ConnectionEnd.Dropped;
        }
        finally
        {
            if (stoppingToken.IsCancellationRequested)
            {
                await connection.DrainAsync().ConfigureAwait(false);
                await CloseAsync(socket).ConfigureAwait(false);
            }
        }
    }

    private async Task GuardAsync(Connection connection, SocketModeFrame envelope, CancellationToken stoppingToken)
    {
        try
        {
            await HandleEnvelopeAsync(connection, envelope, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Slack Socket Mode envelope {EnvelopeId} not acked: the host is stopping", envelope.EnvelopeId);
        }
#pragma warning disable CA1031 // One envelope's failure must not end the connection for everyone else.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Slack Socket Mode envelope {EnvelopeId} failed", envelope.EnvelopeId);
        }
    }

    private async Task HandleEnvelopeAsync(Connection connection, SocketModeFrame envelope, CancellationToken stoppingToken)
    {
        var started = SlackMetrics.Start();
        var kind = SocketModeInbound.KindOf(envelope.Type);
        var route = kind is { } k ? SlackMetrics.RouteOf(k) : envelope.Type;
        var (inbound, error) = SocketModeInbound.From(envelope);
        if (inbound is null)
        {
            // Over HTTP this is a 400; here the ack still goes out so Slack does not redeliver what can never parse.
            logger.LogWarning("Slack Socket Mode envelope {EnvelopeId} malformed: {Reason}", envelope.EnvelopeId, error);
            await connection.SendAsync(Ack(envelope.EnvelopeId!, null), stoppingToken).ConfigureAwait(false);
            metrics.RequestAnswered(route, Transport, "malformed", started);
            return;
        }

        var result = await dispatcher.DispatchAsync(inbound, stoppingToken).ConfigureAwait(false);
        var sent = await connection.SendAsync(Ack(envelope.EnvelopeId!, result.Ack.Body), stoppingToken).ConfigureAwait(false);
        metrics.RequestAnswered(route, Transport, sent ? "ok" : "ack_lost", started);

        // As over HTTP, the follow-ups start once the answer is out (or could not be sent: Slack retries the envelope,
        // and events are deduplicated by event_id).
        runner.Start(result.Deferred);
    }

    private static string Ack(string envelopeId, JsonObject? payload)
    {
        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (payload is not null)
        {
            ack["payload"] = payload.DeepClone();
        }

        return ack.ToJsonString(SlackJson.Options);
    }

    /// <summary>The next whole text message, or null when the socket closed.</summary>
    private static async Task<byte[]?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            if (message.Length + received.Count > MaxFrameBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, $"frame over {MaxFrameBytes} bytes");
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return message.ToArray();
            }
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", bound.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // Closing is a courtesy; the new connection does not depend on it.
            }
        }
    }

    private enum ConnectionEnd
    {
        Dropped,
        DisconnectRequested,
    }

    /// <summary>One socket's sends (one at a time, as <see cref="ClientWebSocket"/> requires) and its envelopes in flight.</summary>
    private sealed class Connection(ClientWebSocket socket) : IDisposable
    {
        private readonly SemaphoreSlim _sending = new(1, 1);
        private readonly ConcurrentDictionary<Task, byte> _inFlight = new();

        public void Track(Task task)
        {
            _inFlight.TryAdd(task, 0);
            task.ContinueWith(t => _inFlight.TryRemove(t, out _), TaskScheduler.Default);
        }

        /// <summary>Every envelope dispatched gets its ack before the socket closes: the dispatcher answers within the ack timeout.</summary>
        public Task DrainAsync() => Task.WhenAll(_inFlight.Keys);

        public void Dispose() => _sending.Dispose();

        public async Task<bool> SendAsync(string json, CancellationToken cancellationToken)
        {
            await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (socket.State != WebSocketState.Open)
                {
                    return false;
                }

                await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (WebSocketException)
            {
                return false;
            }
            finally
            {
                _sending.Release();
            }
        }
    }
}
