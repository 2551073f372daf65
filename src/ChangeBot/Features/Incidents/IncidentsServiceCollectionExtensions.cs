using ChangeBot.Data.Audit;
using ChangeBot.Data.Operations;
using ChangeBot.Features.Admission;
using ChangeBot.Features.Commands;
using ChangeBot.Features.Handoff;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeBot.Features.Incidents;

public static class IncidentsServiceCollectionExtensions
{
    /// <summary>
    /// Incidents: the desk that stores, announces and pauses; <c>/change incident</c> and <c>/change resume</c>;
    /// admission's live incidents; the rollback-trigger watcher and its loop; the handoff note's pre-fill from
    /// Alertmanager and the store. Replaces the defaults of those ports, whatever order the slices are added in.
    /// Needs the data, monitoring, workflow-core and command registrations.
    /// </summary>
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.TryAddSingleton<IncidentQueries>();
        services.TryAddSingleton<AuditActionQueries>();
        services.Replace(ServiceDescriptor.Singleton<IActiveIncidentSource, StoredActiveIncidents>());
        services.Replace(ServiceDescriptor.Singleton<IHandoffPrefillProvider, HandoffFacts>());
        services.TryAddSingleton<IncidentDesk>();
        services.TryAddSingleton<RollbackTriggerAnnouncer>();
        services.AddHostedService<RollbackTriggerWorker>();
        return services
            .AddChangeSubCommand<IncidentSubCommand>(IncidentSubCommand.Name, "Declare or end an incident (EOC, incident commander, admins)", IncidentSubCommand.Usage)
            .AddChangeSubCommand<ResumeSubCommand>(ResumeSubCommand.Name, "Let a rollout paused by an incident continue (EOC)", ResumeSubCommand.Usage);
    }
}
