using System.Collections.Concurrent;
using System.Net;
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
/// A stand-in for Slack's Web API on 127.0.0.1 (random port, real Kestrel) that answers the methods the bot
/// uses the way Slack does: bearer token check (<c>not_authed</c>, <c>invalid_auth</c>), JSON for writes,
/// required arguments, <c>channel_not_found</c>, <c>invalid_blocks</c> past Block Kit's limits, single-use
/// trigger ids that expire after 3 s, scripted 429/5xx answers and Slack errors, and a record of every call.
/// </summary>
public sealed class SlackStandIn : IAsyncDisposable
{
    public const string BotToken = "xoxb-_stand_in_token";
    public const string TeamId = "T0STANDIN";
    public const string BotUserId = "U0BOT";

    private static readonly TimeSpan TriggerLifetime = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly List<RecordedSlackCall> _calls = [];
    private readonly ConcurrentQueue<ScriptedFailure> _failures = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _triggers = new();
    private readonly ConcurrentDictionary<string, bool> _usedTriggers = new();
    private readonly ConcurrentDictionary<string, byte> _channels = new() { ["C0CHANGE"] = 0 };
    private readonly ConcurrentDictionary<string, string[]> _usergroups = new();
    private readonly ConcurrentDictionary<string, string> _userTimeZones = new() { ["U0ALICE"] = "Europe/Berlin" };
    private readonly ConcurrentDictionary<string, byte> _bots = new();
    private int _stalls;
    private int _sequence;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SlackStandIn(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    /// <summary>The value for <c>Slack:ApiBaseUrl</c>, ending in <c>/api/</c>.</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedSlackCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public static async Task<SlackStandIn> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var standIn = new SlackStandIn(app, time ?? TimeProvider.System);
        app.MapPost("/api/{method}", (HttpContext http, string method) => standIn.HandleAsync(http, method));
        app.MapPost("/response/{id}", (HttpContext http, string id) => standIn.HandleAsync(http, "response_url"));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.ApiBaseUrl = new Uri(address.TrimEnd('/') + "/api/");
        return standIn;
    }

    public void AddChannel(string channelId) => _channels[channelId] = 0;

    public void AddUsergroup(string usergroupId, params string[] users) => _usergroups[usergroupId] = users;

    public void AddUser(string userId, string timeZone) => _userTimeZones[userId] = timeZone;

    /// <summary>A bot user: <c>users.info</c> answers it with <c>is_bot: true</c>.</summary>
    public void AddBotUser(string userId)
    {
        _userTimeZones[userId] = "UTC";
        _bots[userId] = 0;
    }

    /// <summary>A fresh trigger id, as Slack puts in a command or interaction: usable once, within 3 s.</summary>
    public string IssueTriggerId()
    {
        var id = $"{Interlocked.Increment(ref _sequence)}.{TeamId}.trigger";
        _triggers[id] = _time.GetUtcNow();
        return id;
    }

    /// <summary>A <c>response_url</c> on this stand-in; posts to it are recorded as method <c>response_url</c>.</summary>
    public Uri NewResponseUrl() => new(ApiBaseUrl, $"/response/{Interlocked.Increment(ref _sequence)}");

    /// <summary>The next <paramref name="count"/> calls answer <paramref name="status"/> (429 with Retry-After, 500, 503…).</summary>
    public void FailNext(int count, int status, int? retryAfterSeconds = null)
    {
        for (var i = 0; i < count; i++)
        {
            _failures.Enqueue(new ScriptedFailure(status, retryAfterSeconds));
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> authorized calls answer HTTP 200 <c>ok: false</c> with Slack's
    /// <paramref name="error"/> (<c>invalid_blocks</c>, <c>not_in_channel</c>, <c>internal_error</c>…) instead of the real thing.
    /// </summary>
    public void FailNextWith(int count, string error)
    {
        for (var i = 0; i < count; i++)
        {
            _errors.Enqueue(error);
        }
    }

    /// <summary>The next <paramref name="count"/> calls never get an answer (until the caller gives up), like a hung connection.</summary>
    public void StallNext(int count) => Interlocked.Add(ref _stalls, count);

    public IReadOnlyList<RecordedSlackCall> CallsTo(string method) => [.. Calls.Where(c => c.Method == method)];

    /// <summary>Waits (bounded) until <paramref name="count"/> calls to <paramref name="method"/> arrived; no sleeping.</summary>
    public async Task<IReadOnlyList<RecordedSlackCall>> WaitForCallsAsync(string method, int count = 1)
    {
        using var limit = new CancellationTokenSource(WaitLimit);
        while (true)
        {
            Task changed;
            lock (_calls)
            {
                var calls = _calls.Where(c => c.Method == method).ToList();
                if (calls.Count >= count)
                {
                    return calls;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"the stand-in saw {CallsTo(method).Count} of {count} calls to {method} within {WaitLimit.TotalSeconds} s; all calls: {string.Join(", ", Calls.Select(c => c.Method))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext http, string method)
    {
        var contentType = http.Request.ContentType;
        var arguments = await ReadArgumentsAsync(http.Request).ConfigureAwait(false);
        var authorization = http.Request.Headers.Authorization.ToString();
        var authorized = authorization == "Bearer " + BotToken;

        if (Interlocked.Decrement(ref _stalls) >= 0)
        {
            Record(new RecordedSlackCall(method, contentType, authorized, arguments, 0, "stalled"));
            try
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The caller gave up: that is the point.
            }

            return;
        }

        Interlocked.CompareExchange(ref _stalls, 0, -1);
        if (_failures.TryDequeue(out var failure))
        {
            Record(new RecordedSlackCall(method, contentType, authorized, arguments, failure.Status, failure.Status == 429 ? "ratelimited" : $"http_{failure.Status}"));
            http.Response.StatusCode = failure.Status;
            if (failure.RetryAfterSeconds is { } seconds)
            {
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (failure.Status == 429)
            {
                await http.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }).ConfigureAwait(false);
            }

            return;
        }

        JsonObject answer;
        if (method == "response_url")
        {
            answer = Check(contentType, arguments, isWrite: true) is { } bad ? Error(bad) : Ok();
        }
        else if (string.IsNullOrEmpty(authorization))
        {
            answer = Error("not_authed");
        }
        else if (!authorized)
        {
            answer = Error("invalid_auth");
        }
        else if (_errors.TryDequeue(out var scripted))
        {
            answer = Error(scripted);
        }
        else
        {
            answer = Answer(method, contentType, arguments);
        }

        var error = answer["ok"]!.GetValue<bool>() ? null : answer["error"]!.ToString();
        var ts = answer["ts"] ?? answer["message_ts"];
        Record(new RecordedSlackCall(method, contentType, authorized, arguments, 200, error) { Ts = ts?.ToString() });
        await http.Response.WriteAsJsonAsync(answer).ConfigureAwait(false);
    }

    private JsonObject Answer(string method, string? contentType, JsonObject args)
    {
        var isWrite = method.StartsWith("chat.", StringComparison.Ordinal) || method.StartsWith("views.", StringComparison.Ordinal);
        if (Check(contentType, args, isWrite) is { } bad)
        {
            return Error(bad);
        }

        string? Arg(string name) => args[name] is JsonValue v ? v.ToString() : null;
        string? Missing(params string[] names) => names.FirstOrDefault(n => string.IsNullOrEmpty(Arg(n)) && args[n] is not JsonObject and not JsonArray);

        switch (method)
        {
            case "auth.test":
                return Ok(new JsonObject { ["team_id"] = TeamId, ["user_id"] = BotUserId, ["bot_id"] = "B0BOT" });
            case "chat.postMessage" or "chat.update" or "chat.postEphemeral":
                if ((method switch { "chat.update" => Missing("channel", "ts"), "chat.postEphemeral" => Missing("channel", "user"), _ => Missing("channel") }) is { } missing)
                {
                    return Error("invalid_arguments", $"[ERROR] missing required field: {missing}");
                }

                if (!_channels.ContainsKey(Arg("channel")!))
                {
                    return Error("channel_not_found");
                }

                if (string.IsNullOrEmpty(Arg("text")) && args["blocks"] is null)
                {
                    return Error("no_text");
                }

                if (SlackBlockRules.CheckMessage(args["blocks"]) is { } invalid)
                {
                    return Error("invalid_blocks", $"[ERROR] {invalid}");
                }

                var ts = $"{_time.GetUtcNow().ToUnixTimeSeconds()}.{Interlocked.Increment(ref _sequence):D6}";
                return method == "chat.postEphemeral"
                    ? Ok(new JsonObject { ["message_ts"] = ts })
                    : Ok(new JsonObject { ["channel"] = Arg("channel"), ["ts"] = Arg("ts") ?? ts });
            case "views.open" or "views.push":
                if (Missing("trigger_id", "view") is { } noTrigger)
                {
                    return Error("invalid_arguments", $"[ERROR] missing required field: {noTrigger}");
                }

                if (TriggerError(Arg("trigger_id")!) is { } triggerError)
                {
                    return Error(triggerError);
                }

                return ViewAnswer(args["view"]);
            case "views.update":
                var noView = Missing("view") ?? (Arg("view_id") is null && Arg("external_id") is null ? "view_id" : null);
                return noView is not null
                    ? Error("invalid_arguments", $"[ERROR] missing required field: {noView}")
                    : ViewAnswer(args["view"]);
            case "views.publish":
                if (Missing("user_id", "view") is { } noUser)
                {
                    return Error("invalid_arguments", $"[ERROR] missing required field: {noUser}");
                }

                return args["view"]?["type"]?.ToString() == "home" ? ViewAnswer(args["view"]) : Error("invalid_arguments", "[ERROR] views.publish takes a view of type home");
            case "usergroups.users.list":
                if (Missing("usergroup") is not null)
                {
                    return Error("invalid_arguments", "[ERROR] missing required field: usergroup");
                }

                return _usergroups.TryGetValue(Arg("usergroup")!, out var users)
                    ? Ok(new JsonObject { ["users"] = new JsonArray([.. users.Select(u => (JsonNode)u)]) })
                    : Error("no_such_subteam");
            case "users.info":
                if (Missing("user") is not null)
                {
                    return Error("invalid_arguments", "[ERROR] missing required field: user");
                }

                return _userTimeZones.TryGetValue(Arg("user")!, out var tz)
                    ? Ok(new JsonObject { ["user"] = new JsonObject { ["id"] = Arg("user"), ["name"] = Arg("user")!.ToLowerInvariant(), ["tz"] = tz, ["tz_offset"] = tz == "Europe/Berlin" ? 3600 : 0, ["is_bot"] = _bots.ContainsKey(Arg("user")!) } })
                    : Error("user_not_found");
            case "conversations.info":
                if (Missing("channel") is not null)
                {
                    return Error("invalid_arguments", "[ERROR] missing required field: channel");
                }

                return _channels.ContainsKey(Arg("channel")!)
                    ? Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = Arg("channel"), ["name"] = "change", ["is_member"] = true, ["is_private"] = false } })
                    : Error("channel_not_found");
            default:
                return Error("unknown_method");
        }
    }

    /// <summary>
    /// The trigger errors under SLACK.md's names (<c>trigger_exchanged</c>, <c>trigger_expired</c>), which is the contract
    /// we were given; Slack's method reference calls them <c>exchanged_trigger_id</c> and <c>expired_trigger_id</c>, and
    /// the client reads both.
    /// </summary>
    private string? TriggerError(string triggerId)
    {
        if (!_triggers.TryGetValue(triggerId, out var issued))
        {
            return "invalid_trigger_id";
        }

        if (!_usedTriggers.TryAdd(triggerId, true))
        {
            return "trigger_exchanged";
        }

        return _time.GetUtcNow() - issued > TriggerLifetime ? "trigger_expired" : null;
    }

    private JsonObject ViewAnswer(JsonNode? view)
    {
        if (SlackBlockRules.CheckView(view) is { } invalid)
        {
            return Error("invalid_blocks", $"[ERROR] {invalid}");
        }

        var id = $"V{Interlocked.Increment(ref _sequence):D8}";
        var answer = view!.DeepClone().AsObject();
        answer["id"] = id;
        answer["hash"] = $"{id}.hash";
        return Ok(new JsonObject { ["view"] = answer });
    }

    // Slack takes writes as JSON (with charset, else it warns) and reads as form or JSON.
    private static string? Check(string? contentType, JsonObject args, bool isWrite)
    {
        var isJson = contentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;
        if (isWrite && !isJson)
        {
            return "invalid_form_data";
        }

        if (isJson && !contentType!.Contains("charset=utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return "missing_charset";
        }

        return args.ContainsKey("__unparsable") ? "invalid_json" : null;
    }

    private static async Task<JsonObject> ReadArgumentsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync().ConfigureAwait(false);
            var args = new JsonObject();
            foreach (var (key, value) in form)
            {
                args[key] = value.ToString();
            }

            return args;
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync().ConfigureAwait(false);
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["__unparsable"] = true };
        }
        catch (System.Text.Json.JsonException)
        {
            return new JsonObject { ["__unparsable"] = true };
        }
    }

    private void Record(RecordedSlackCall call)
    {
        lock (_calls)
        {
            _calls.Add(call);
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.TrySetResult();
        }
    }

    private static JsonObject Ok(JsonObject? fields = null)
    {
        var answer = new JsonObject { ["ok"] = true };
        foreach (var (key, value) in fields ?? [])
        {
            answer[key] = value?.DeepClone();
        }

        return answer;
    }

    private static JsonObject Error(string error, string? message = null)
    {
        var answer = new JsonObject { ["ok"] = false, ["error"] = error };
        if (message is not null)
        {
            answer["response_metadata"] = new JsonObject { ["messages"] = new JsonArray(message) };
        }

        return answer;
    }
}
