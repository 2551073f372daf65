using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeBot.Tests.Features.Outbox;

/// <summary>
/// A minimal Slack Web API stand-in on 127.0.0.1 (the Slack branch's full stand-in replaces it after merge): checks the
/// bearer token as Slack does, answers <c>ok</c> with a fresh ts, records every call, and can be told to fail.
/// </summary>
public sealed class LoopbackSlack : IAsyncDisposable
{
    public const string Token = "xoxb-test-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentQueue<Func<SlackCall, IResult?>> _script = new();
    private long _ts;
    private int _requests;

    private LoopbackSlack(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every call Slack accepted, in arrival order.</summary>
    public IReadOnlyList<SlackCall> Calls => [.. _calls];

    /// <summary>Every request received, accepted or not.</summary>
    public int Requests => _requests;

    public static async Task<LoopbackSlack> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var slack = new LoopbackSlack(app);
        app.MapPost("/api/{method}", slack.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        slack.BaseUrl = new Uri(address + "/api/");
        return slack;
    }

    /// <summary>The next requests are answered by these, in turn (return null to let a call through normally).</summary>
    public void Then(params Func<SlackCall, IResult?>[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public static IResult Error(string error) => Results.Json(new { ok = false, error });

    public static IResult RateLimited(int seconds)
    {
        return new RateLimitResult(seconds);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(string method, HttpRequest request)
    {
        Interlocked.Increment(ref _requests);
        if (!string.Equals(request.Headers.Authorization, "Bearer " + Token, StringComparison.Ordinal))
        {
            return Error("invalid_auth");
        }

        var body = await JsonNode.ParseAsync(request.Body) as JsonObject;
        if (body is null)
        {
            return Error("invalid_arguments");
        }

        var call = new SlackCall(method, body);
        if (_script.TryDequeue(out var scripted) && scripted(call) is { } reply)
        {
            return reply;
        }

        var channel = body["channel"]?.GetValue<string>();
        if (method is "chat.postMessage" or "chat.update" && string.IsNullOrEmpty(channel))
        {
            return Error("channel_not_found");
        }

        var ts = method == "chat.update"
            ? body["ts"]?.GetValue<string>() ?? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"1772532000.{Interlocked.Increment(ref _ts):D6}");
        _calls.Enqueue(call with { Ts = ts });
        return Results.Json(new { ok = true, channel, ts });
    }

    private sealed class RateLimitResult(int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return httpContext.Response.WriteAsync(JsonSerializer.Serialize(new { ok = false, error = "ratelimited" }));
        }
    }
}
