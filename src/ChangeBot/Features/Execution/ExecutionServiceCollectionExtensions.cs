using ChangeBot.Features.Admission;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Commands;
using ChangeBot.Slack.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeBot.Features.Execution;

public static class ExecutionServiceCollectionExtensions
{
    /// <summary>
    /// Execution: start (with admission now), stages, rollback, complete, overrides and the retrospective, as
    /// sub-commands and buttons. Replaces admission's default ports with the real ones: overrides and changes in
    /// progress from the store, monitoring from the monitoring slice's gate. Call after <c>AddChangeAdmission</c> and
    /// <c>AddChangeWorkflowCore</c>.
    /// </summary>
    public static IServiceCollection AddChangeExecution(this IServiceCollection services)
    {
        services.TryAddSingleton<AdmissionOverrides>();
        services.Replace(ServiceDescriptor.Singleton<IAdmissionOverrideSource, StoredAdmissionOverrides>());
        services.TryAddSingleton<StoredChangesInProgress>();
        services.Replace(ServiceDescriptor.Singleton<IChangesInProgressSource>(sp => sp.GetRequiredService<StoredChangesInProgress>()));

        services.TryAddSingleton<ChangeExecution>();
        services.TryAddScoped<HandoffOffer>();
        services.TryAddScoped<PrivateReply>();

        services.AddSlackActionPrefix<ExecutionButtons>(ChangeActions.Start);
        services.AddSlackActionPrefix<ExecutionButtons>(ChangeActions.Advance);
        services.AddSlackActionPrefix<ExecutionButtons>(ChangeActions.Complete);
        services.AddSlackActionPrefix<RollbackButton>(ChangeActions.Rollback);
        services.AddSlackViewSubmission<RollbackSubmission>(RollbackModal.CallbackId);

        return services
            .AddChangeSubCommand<StartSubCommand>(ExecutionSubCommands.Start, "Start a scheduled change (executor only; admission is checked now)", ExecutionSubCommands.StartUsage)
            .AddChangeSubCommand<AdvanceSubCommand>(ExecutionSubCommands.Advance, "Move a rollout to its next stage, or into the bake", ExecutionSubCommands.AdvanceUsage)
            .AddChangeSubCommand<RollbackSubCommand>(ExecutionSubCommands.Rollback, "Roll a running change back and announce it", ExecutionSubCommands.RollbackUsage)
            .AddChangeSubCommand<CompleteSubCommand>(ExecutionSubCommands.Complete, "Close a change after its bake, with a summary", ExecutionSubCommands.CompleteUsage)
            .AddChangeSubCommand<OverrideSubCommand>(ExecutionSubCommands.Override, "Lift one admission rule for one change until an expiry (admins)", ExecutionSubCommands.OverrideUsage)
            .AddChangeSubCommand<RetroSubCommand>(ExecutionSubCommands.Retro, "Link the retrospective an emergency change owes", ExecutionSubCommands.RetroUsage);
    }
}
