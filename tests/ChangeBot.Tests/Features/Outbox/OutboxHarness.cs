using ChangeBot.Data.Outbox;
using ChangeBot.Features.Outbox;
using ChangeBot.Slack;
using ChangeBot.Slack.WebApi;
using ChangeBot.Testing.Data;
using ChangeBot.Testing.Slack;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChangeBot.Tests.Features.Outbox;

/// <summary>
/// An outbox delivery wired to a test database and the Slack stand-in through the production sender and the real
/// Slack API client.
/// </summary>
public sealed class OutboxHarness : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly OutboxMetrics _metrics = new();
    private readonly SlackStandIn _slack;

    public OutboxHarness(TestStore db, SlackStandIn slack, OutboxStore? store = null)
    {
        Db = db;
        _slack = slack;
        Options = new OutboxOptions { MaxAttempts = 3, RetryDelay = TimeSpan.FromSeconds(2) };
        // No retries inside the client: each outbox attempt is then exactly one call, so the outbox's own retry,
        // backoff and dead-lettering are what these tests see (the client's retries are the Slack adapter's tests').
        var slackOptions = Microsoft.Extensions.Options.Options.Create(
            new SlackOptions { BotToken = SlackStandIn.BotToken, ApiBaseUrl = slack.ApiBaseUrl.ToString(), MaxRetries = 0 });
        var client = new SlackApiClient(_http, slackOptions, TimeProvider.System, NullLogger<SlackApiClient>.Instance);
        Delivery = new OutboxDelivery(
            store ?? db.Outbox,
            new SlackApiOutboxSender(client, slackOptions),
            Microsoft.Extensions.Options.Options.Create(Options),
            db.Clock,
            _metrics,
            NullLogger<OutboxDelivery>.Instance);
    }

    public TestStore Db { get; }

    public OutboxOptions Options { get; }

    internal OutboxDelivery Delivery { get; }

    /// <summary>The calls the stand-in accepted (answered <c>ok: true</c>), in arrival order.</summary>
    public IReadOnlyList<RecordedSlackCall> Delivered => [.. _slack.Calls.Where(call => call.Ok)];

    /// <summary>Delivery rounds until a round settles nothing (bounded, so a bug cannot spin forever).</summary>
    public async Task DrainAsync()
    {
        for (var round = 0; round < 10_000; round++)
        {
            if (await Delivery.DeliverDueAsync(CancellationToken.None) == 0)
            {
                return;
            }
        }

        throw new InvalidOperationException("The outbox did not drain in 10,000 rounds.");
    }

    public Task EnqueueAsync(params OutboxMessage[] messages) =>
        Db.Store.WriteAsync(
            (unit, _) =>
            {
                foreach (var message in messages)
                {
                    unit.Enqueue(message);
                }

                return Task.FromResult(messages.Length);
            },
            CancellationToken.None);

    public void Dispose()
    {
        _http.Dispose();
        _metrics.Dispose();
    }
}
