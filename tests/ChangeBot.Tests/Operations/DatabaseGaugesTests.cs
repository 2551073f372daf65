using ChangeBot.Data.Sql;
using ChangeBot.Features.Operations;
using ChangeBot.Testing.Monitoring;
using ChangeBot.Tests.Workflow;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeBot.Tests.Operations;

public sealed class DatabaseGaugesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private WorkflowHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowHost.StartAsync(Now);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<long> ScalarAsync(string sql, object? parameters = null)
    {
        await using var connection = await _host.Services.GetRequiredService<ISqlDialect>().OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    [Fact]
    public async Task Metrics_ChangesFiledAndOutboxEntriesOwedOrDead_GaugesShowThemOnceTheCacheExpires()
    {
        var before = await PrometheusText.ScrapeAsync(_host.Client);
        Assert.Equal(0, PrometheusText.Sample(before, """changebot_changes{state="submitted"}"""));
        Assert.Equal(0, PrometheusText.Sample(before, """changebot_changes{state="in_progress"}"""));
        Assert.Equal(0, PrometheusText.Sample(before, "changebot_outbox_dead_letters"));
        Assert.Contains("# TYPE changebot_outbox_depth gauge", before, StringComparison.Ordinal);

        await _host.FileAsync(Now.AddDays(1));
        await _host.FileAsync(Now.AddDays(2));
        await Eventually.UntilAsync(() => ScalarAsync("SELECT COUNT(*) FROM outbox WHERE state = 'pending'"), pending => pending == 0, "the filing announcements to be delivered");

        // One call retried much later (still owed) and one given up on.
        var later = _host.Time.GetUtcNow().AddHours(1).ToUnixTimeMilliseconds();
        await ScalarAsync(
            """
            INSERT INTO outbox (channel, method, payload, state, attempts, next_attempt_at, created_at)
            VALUES ('C0CHANGE', 'chat.postMessage', '{"text":"owed"}', 'pending', 3, @Later, 0)
            """,
            new { Later = later });
        await ScalarAsync("UPDATE outbox SET state = 'dead', last_error = 'channel_not_found' WHERE id = (SELECT MIN(id) FROM outbox WHERE state = 'sent')");

        // Within the cache's few seconds a scrape answers from the last read, without asking the database.
        var cached = await PrometheusText.ScrapeAsync(_host.Client);
        Assert.Equal(0, PrometheusText.Sample(cached, """changebot_changes{state="submitted"}"""));

        await _host.AdvanceAsync(DatabaseGauges.CacheFor);
        var after = await PrometheusText.ScrapeAsync(_host.Client);

        Assert.Equal(2, PrometheusText.Sample(after, """changebot_changes{state="submitted"}"""));
        Assert.Equal(0, PrometheusText.Sample(after, """changebot_changes{state="completed"}"""));
        Assert.Equal(1, PrometheusText.Sample(after, "changebot_outbox_depth"));
        Assert.Equal(1, PrometheusText.Sample(after, "changebot_outbox_dead_letters"));
        Assert.Equal(await ScalarAsync("SELECT COUNT(*) FROM outbox WHERE state IN ('sent', 'dead')"), PrometheusText.Sample(after, "changebot_outbox_delivered_total"));
    }
}
