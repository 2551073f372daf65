using ChangeBot.Data.Outbox;
using ChangeBot.Features.Outbox;
using ChangeBot.Testing.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChangeBot.Tests.Features.Outbox;

/// <summary>An outbox delivery wired to a test database and the loopback Slack, with the real HTTP sender.</summary>
public sealed class OutboxHarness : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly OutboxMetrics _metrics = new();

    public OutboxHarness(TestStore db, LoopbackSlack slack, OutboxStore? store = null)
    {
        Db = db;
        Options = new OutboxOptions { SlackApiBaseUrl = slack.BaseUrl, MaxAttempts = 3, RetryDelay = TimeSpan.FromSeconds(2) };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [HttpSlackOutboxSender.TokenKey] = LoopbackSlack.Token })
            .Build();
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        Delivery = new OutboxDelivery(
            store ?? db.Outbox,
            new HttpSlackOutboxSender(_http, options, configuration),
            options,
            db.Clock,
            _metrics,
            NullLogger<OutboxDelivery>.Instance);
    }

    public TestStore Db { get; }

    public OutboxOptions Options { get; }

    internal OutboxDelivery Delivery { get; }

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
