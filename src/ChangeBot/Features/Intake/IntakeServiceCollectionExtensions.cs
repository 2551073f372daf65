using ChangeBot.Features.Changes;
using ChangeBot.Features.Commands;
using ChangeBot.Slack.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeBot.Features.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>Filing and editing: <c>/change new</c>, <c>/change edit</c>, the Edit button, the intake modal and the changes API.</summary>
    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.TryAddScoped<ExecutorCheck>();
        services.TryAddScoped<ChangeFiling>();
        services.TryAddSingleton<ChangeEditing>();
        services.TryAddScoped<IntakeModalOpener>();
        services.AddChangeSubCommand<NewChangeSubCommand>(NewChangeSubCommand.Name, "File a change request (opens the form)", "/change new Upgrade Redis to 7.2");
        services.AddChangeSubCommand<EditChangeSubCommand>(EditChangeSubCommand.Name, "Edit a change request: a new revision, approvals asked for again", "/change edit CR-2026-0001");
        services.AddSlackActionPrefix<EditButtonHandler>(ChangeActions.Edit);
        services.AddSlackViewSubmission<IntakeSubmissionHandler>(IntakeModal.CallbackId);
        return services;
    }
}
