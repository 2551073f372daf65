using Microsoft.Extensions.Logging;
using ChangeBot.Data;
using ChangeBot.Data.Outbox;
using ChangeBot.Features.Admission;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Locks;
using ChangeBot.Features.Policy;
using ChangeBot.Features.Scheduling;
using ChangeBot.Slack.WebApi;
using ChangeBot.Testing.Data;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Quartz;

namespace ChangeBot.Tests.Scheduling;

/// <summary>
/// The bot's clock as it runs in production (policy, data, workflow core, Quartz on the test's database), without
/// the HTTP front door and with Slack behind a substitute: what the clock owes Slack is read from the outbox.
/// </summary>
internal sealed class ClockHost : IAsyncDisposable
{
    public const string ChangeChannel = "C0CHANGE";
    public const string EocUser = "U0EOCDUTY";
    public const string VpeUser = "U0VPEDUTY";

    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(30);
    private readonly IHost _host;
    private bool _stopped;

    private readonly TestStore _db;

    private ClockHost(IHost host, TestStore db)
    {
        _host = host;
        _db = db;
    }

    public IServiceProvider Services => _host.Services;

    public static async Task<ClockHost> StartAsync(TestStore db, TimeProvider clock, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        var config = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = db.Provider.ToString(),
            ["ConnectionStrings:ChangeBot"] = db.ConnectionString,
            ["Slack:Channels:Change"] = ChangeChannel,
            ["ChangeBot:Roles:Eoc:Users:0"] = EocUser,
            ["ChangeBot:Roles:Vpe:Users:0"] = VpeUser,
            ["ChangeBot:Scheduler:PlanEvery"] = "12:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning));
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(Substitute.For<ISlackApiClient>());
        builder.Services.AddChangePolicy(builder.Configuration).AddChangeAdmission();
        builder.Services.AddChangeBotData(builder.Configuration).AddChangeWorkflowCore();
        builder.Services.AddChangeScheduling(builder.Configuration).AddChangeLocks();
        var host = builder.Build();
        var startedAt = clock.GetUtcNow();
        await host.StartAsync();
        var started = new ClockHost(host, db);
        await started.WaitForPlanAsync(startedAt);
        return started;
    }

    /// <summary>Waits until the calendar plan has run since <paramref name="since"/> (it runs on start-up) and finished.</summary>
    public async Task WaitForPlanAsync(DateTimeOffset since)
    {
        using var limit = new CancellationTokenSource(SettleLimit);
        var planner = Services.GetRequiredService<CalendarPlanner>();
        while (planner.LastPlannedAt is not { } last || last < since)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("the calendar plan did not run on start-up");
            }
        }
    }

    public async Task<IScheduler> SchedulerAsync() => await Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    /// <summary>
    /// Walks the fake clock to <paramref name="end"/> trigger by trigger: jumps to the next fire time, then waits (in
    /// real time, bounded) until everything due has fired and finished, so each step sees what the last one wrote.
    /// </summary>
    public async Task RunUntilAsync(FakeTimeProvider clock, DateTimeOffset end)
    {
        while (true)
        {
            await SettleAsync(clock);
            var next = await NextFireAsync();
            if (next is null || next > end)
            {
                if (clock.GetUtcNow() < end)
                {
                    clock.SetUtcNow(end);
                    await SettleAsync(clock);
                }

                return;
            }

            if (next > clock.GetUtcNow())
            {
                clock.SetUtcNow(next.Value);
            }
        }
    }

    /// <summary>Waits until no trigger is due, blocked by a running job, or firing.</summary>
    public async Task SettleAsync(TimeProvider clock)
    {
        using var limit = new CancellationTokenSource(SettleLimit);
        while (await AnyPendingAsync(clock.GetUtcNow()))
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5), limit.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException("the scheduler did not settle: a trigger stayed due");
            }
        }
    }

    public async Task<DateTimeOffset?> NextFireAsync()
    {
        var scheduler = await SchedulerAsync();
        DateTimeOffset? next = null;
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup()))
        {
            if (await scheduler.GetTrigger(key) is { } trigger && trigger.NextFireTimeUtc is { } at && (next is null || at < next))
            {
                next = at;
            }
        }

        return next;
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }

    private async Task<bool> AnyPendingAsync(DateTimeOffset now)
    {
        // A fired trigger keeps its row here until its job has finished.
        if (await _db.ScalarAsync<long>("SELECT COUNT(*) FROM qrtz_fired_triggers") > 0)
        {
            return true;
        }

        var scheduler = await SchedulerAsync();
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup()))
        {
            var trigger = await scheduler.GetTrigger(key);
            if (trigger is null)
            {
                continue;
            }

            var state = await scheduler.GetTriggerState(key);
            if (trigger.NextFireTimeUtc is not { } next || next <= now || state == TriggerState.Blocked)
            {
                return true;
            }
        }

        return false;
    }
}
