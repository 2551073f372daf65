using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChangeBot.Testing.Slack;

/// <summary>
/// Slack's side of Socket Mode on 127.0.0.1 (real Kestrel with WebSockets): <c>apps.connections.open</c> checks the
/// app-level token as Slack does (<c>not_authed</c>, <c>not_allowed_token_type</c> for a bot token, <c>invalid_auth</c>)
/// and hands out a <c>ws://</c> URL; each connection gets <c>hello</c>, then the test sends envelopes, a
/// <c>disconnect</c> or drops the connection, and reads the acks the bot sent back.
/// </summary>
public sealed class SocketModeStandIn : IAsyncDisposable
{
    public const string AppToken = "xapp-1-A0STANDIN-stand-in-app-token";

    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly List<Link> _links = [];
    private readonly ConcurrentDictionary<string, JsonObject> _acks = new();
    private readonly List<string> _openErrors = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sequence;

    private readonly HttpClient _forward = new();
    private readonly SlackStandIn? _webApi;

    private SocketModeStandIn(WebApplication app, SlackStandIn? webApi)
    {
        _app = app;
        _webApi = webApi;
    }

    /// <summary>The value for <c>Slack:ApiBaseUrl</c>, ending in <c>/api/</c>.</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    /// <summary>How many times <c>apps.connections.open</c> answered a URL.</summary>
    public int Opens { get; private set; }

    /// <summary>The errors <c>apps.connections.open</c> answered, in order.</summary>
    public IReadOnlyList<string> OpenErrors
    {
        get
        {
            lock (_links)
            {
                return [.. _openErrors];
            }
        }
    }

    /// <summary>Connections that got their <c>hello</c>, in order; the last one is where envelopes go.</summary>
    public int Connections
    {
        get
        {
            lock (_links)
            {
                return _links.Count;
            }
        }
    }

    /// <summary>Starts on a free loopback port; every other Web API method is forwarded to <paramref name="webApi"/> when given.</summary>
    public static async Task<SocketModeStandIn> StartAsync(SlackStandIn? webApi = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var standIn = new SocketModeStandIn(app, webApi);
        app.UseWebSockets();
        app.MapPost("/api/apps.connections.open", standIn.Open);
        app.Map("/link", standIn.LinkAsync);
        app.MapPost("/api/{method}", (HttpContext http, string method) => standIn.ForwardAsync(http, method));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.ApiBaseUrl = new Uri(address.TrimEnd('/') + "/api/");
        return standIn;
    }

    /// <summary>Waits (bounded) until the <paramref name="count"/>-th connection got its hello.</summary>
    public Task WaitForConnectionAsync(int count) => WaitAsync(() => Connections >= count, $"connection {count} (have {Connections})");

    /// <summary>Sends an envelope on the newest connection and returns its envelope_id.</summary>
    public async Task<string> SendEnvelopeAsync(string type, JsonObject payload, int retryAttempt = 0)
    {
        var id = $"env-{Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture)}";
        await Newest().SendAsync(new JsonObject
        {
            ["envelope_id"] = id,
            ["type"] = type,
            ["payload"] = payload,
            ["accepts_response_payload"] = type != "events_api",
            ["retry_attempt"] = retryAttempt,
            ["retry_reason"] = retryAttempt > 0 ? "timeout" : "",
        }).ConfigureAwait(false);
        return id;
    }

    /// <summary>Slack's <c>{"type":"disconnect","reason":…}</c> on the newest connection.</summary>
    public Task SendDisconnectAsync(string reason) =>
        Newest().SendAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "stand-in" } });

    /// <summary>Drops the newest connection without a close handshake, like a lost network.</summary>
    public void DropNewest() => Newest().Abort();

    /// <summary>The ack the bot sent for <paramref name="envelopeId"/>, waiting (bounded) for it.</summary>
    public async Task<JsonObject> WaitForAckAsync(string envelopeId)
    {
        await WaitAsync(() => _acks.ContainsKey(envelopeId), $"the ack of {envelopeId}").ConfigureAwait(false);
        return _acks[envelopeId];
    }

    public IReadOnlyCollection<string> AckedEnvelopes => [.. _acks.Keys];

    public async ValueTask DisposeAsync()
    {
        lock (_links)
        {
            foreach (var link in _links)
            {
                link.Abort();
            }
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _forward.Dispose();
        lock (_links)
        {
            foreach (var link in _links)
            {
                link.Dispose();
            }
        }
    }

    private async Task ForwardAsync(HttpContext http, string method)
    {
        if (_webApi is null)
        {
            await http.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = false, ["error"] = "unknown_method" }).ConfigureAwait(false);
            return;
        }

        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_webApi.ApiBaseUrl, method)) { Content = new ByteArrayContent(body.ToArray()) };
        if (http.Request.ContentType is { } contentType)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        request.Headers.TryAddWithoutValidation("Authorization", http.Request.Headers.Authorization.ToString());
        using var response = await _forward.SendAsync(request).ConfigureAwait(false);
        http.Response.StatusCode = (int)response.StatusCode;
        http.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await response.Content.CopyToAsync(http.Response.Body).ConfigureAwait(false);
    }

    private IResult Open(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : "";
        var error = token switch
        {
            "" => "not_authed",
            AppToken => null,
            _ when token.StartsWith("xoxb-", StringComparison.Ordinal) => "not_allowed_token_type",
            _ => "invalid_auth",
        };
        if (error is not null)
        {
            lock (_links)
            {
                _openErrors.Add(error);
            }

            Changed();
            return Results.Json(new JsonObject { ["ok"] = false, ["error"] = error });
        }

        Opens++;
        var url = new UriBuilder(ApiBaseUrl) { Scheme = "ws", Path = "/link", Query = $"ticket={Opens}" }.Uri;
        return Results.Json(new JsonObject { ["ok"] = true, ["url"] = url.ToString() });
    }

    private async Task LinkAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var link = new Link(socket, http);
        await link.SendAsync(new JsonObject
        {
            ["type"] = "hello",
            ["num_connections"] = 1,
            ["debug_info"] = new JsonObject { ["host"] = "stand-in", ["approximate_connection_time"] = 18060 },
            ["connection_info"] = new JsonObject { ["app_id"] = "A0STANDIN" },
        }).ConfigureAwait(false);
        lock (_links)
        {
            _links.Add(link);
        }

        Changed();
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult received;
                do
                {
                    received = await socket.ReceiveAsync(buffer, http.RequestAborted).ConfigureAwait(false);
                    message.Write(buffer, 0, received.Count);
                }
                while (!received.EndOfMessage && received.MessageType != WebSocketMessageType.Close);

                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).ConfigureAwait(false);
                    break;
                }

                if (JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray())) is JsonObject ack && ack["envelope_id"]?.ToString() is { } id)
                {
                    // A second ack for the same envelope would be a bug in the bot: keep the first, count the rest.
                    if (!_acks.TryAdd(id, ack))
                    {
                        _acks[id + "#duplicate"] = ack;
                    }

                    Changed();
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Dropped on purpose, or the bot went away.
        }
    }

    private Link Newest()
    {
        lock (_links)
        {
            return _links.Count > 0 ? _links[^1] : throw new InvalidOperationException("the bot has not connected yet");
        }
    }

    private void Changed()
    {
        var changed = Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        changed.TrySetResult();
    }

    private async Task WaitAsync(Func<bool> done, string what)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            var changed = _changed.Task;
            if (done())
            {
                return;
            }

            try
            {
                await changed.WaitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the Socket Mode stand-in waited {WaitLimit.TotalSeconds} s for {what}; open errors: {string.Join(", ", OpenErrors)}");
            }
        }
    }

    private sealed class Link(WebSocket socket, HttpContext http) : IDisposable
    {
        private readonly SemaphoreSlim _sending = new(1, 1);

        public async Task SendAsync(JsonObject frame)
        {
            await _sending.WaitAsync().ConfigureAwait(false);
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _sending.Release();
            }
        }

        public void Abort()
        {
            try
            {
                http.Abort();
            }
            catch (ObjectDisposedException)
            {
                // The connection already ended: nothing left to drop.
            }
        }

        public void Dispose() => _sending.Dispose();
    }
}
