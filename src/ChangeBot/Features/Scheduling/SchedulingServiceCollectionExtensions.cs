using ChangeBot.Data;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Locks;
using ChangeBot.Features.Operations;
using ChangeBot.Features.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace ChangeBot.Features.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// The clock: Quartz with its persistent store on the bot's own database (SQLite, or PostgreSQL clustered so
    /// several replicas fire each trigger once), driven by the host's <see cref="TimeProvider"/>; the calendar with the
    /// run-time locks in it; the jobs for windows, locks and reminders; and <see cref="IChangeTimers"/> for the
    /// workflow. Call after <c>AddChangeBotData</c> so migrations run before the scheduler starts.
    /// </summary>
    public static IServiceCollection AddChangeScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var settings = configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>() ?? new SchedulerOptions();
        var provider = configuration.GetSection(StorageOptions.Section).GetValue(nameof(StorageOptions.Provider), StorageProvider.Sqlite);

        services.TryAddSingleton<LockRecords>();
        services.TryAddSingleton<LockCalendar>();
        services.Replace(ServiceDescriptor.Singleton<IChangeCalendarSource>(sp => sp.GetRequiredService<LockCalendar>()));
        services.AddHostedService<LockCalendarLoader>();
        services.TryAddSingleton<HandoffNotes>();
        services.TryAddSingleton<CalendarAnnouncements>();
        services.TryAddSingleton<ChangeReminders>();
        services.TryAddSingleton<CalendarPlanner>();
        services.TryAddSingleton<IChangeTimers, ChangeTimers>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChangeCommittedListener, ReminderReplanning>());

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "changebot";
                if (!string.IsNullOrWhiteSpace(settings.InstanceId))
                {
                    scheduler.InstanceId = settings.InstanceId;
                }
            });

            quartz.UsePersistentStore(store =>
            {
                // The connection string is read when the store first connects, from the container's configuration,
                // so it is the one the data layer uses even when a test host overrides it after this call.
                if (provider == StorageProvider.Postgres)
                {
                    store.UsePostgres(source => source.DataSourceFactory = sp => Npgsql.NpgsqlDataSource.Create(ConnectionString(sp, provider)));
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(source => source.DataSourceFactory = sp => Microsoft.Data.Sqlite.SqliteFactory.Instance.CreateDataSource(ConnectionString(sp, provider)));
                }

                store.ProvisionSchema();
            });
            quartz.AddTriggerListener<FiringDelayListener>();
            quartz.AddJob<CalendarPlanJob>(job => job.WithIdentity(ClockJobs.Plan).StoreDurably());
            // Recovery: a firing cut short by a crash runs again on restart (or on another node); the use cases owe its
            // messages once per firing, so one that committed before the crash is not posted twice.
            quartz.AddJob<CalendarEventJob>(job => job.WithIdentity(ClockJobs.CalendarEvent).StoreDurably().RequestRecovery());
            quartz.AddJob<ChangeReminderJob>(job => job.WithIdentity(ClockJobs.ChangeReminder).StoreDurably().RequestRecovery());
            quartz.AddTrigger(trigger => trigger
                .WithIdentity(ClockJobs.PlanTrigger, ClockJobs.CalendarGroup)
                .ForJob(ClockJobs.Plan)
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(settings.PlanEvery).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithRemainingCount)));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.TryAddSingleton<HostScheduler>();
        services.AddSingleton<ISchedulerListener>(sp => sp.GetRequiredService<HostScheduler>());
        services.AddHealthChecks().AddCheck<SchedulerReadinessCheck>(ReadinessChecks.Scheduler, tags: [ReadinessChecks.Tag]);
        return services;
    }

    private static string ConnectionString(IServiceProvider services, StorageProvider provider)
    {
        var configured = services.GetRequiredService<IConfiguration>().GetConnectionString(DataServiceCollectionExtensions.ConnectionStringName);
        return string.IsNullOrWhiteSpace(configured) && provider == StorageProvider.Sqlite ? StorageOptions.DefaultSqliteConnectionString : configured ?? string.Empty;
    }
}
