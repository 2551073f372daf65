using ChangeBot.Features.Changes;
using ChangeBot.Features.Commands;
using ChangeBot.Slack.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeBot.Features.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>Handoff notes: the modal, its button and sub-command, and the pre-fill seam (empty by default).</summary>
    public static IServiceCollection AddHandoffNotes(this IServiceCollection services)
    {
        services.TryAddSingleton<IHandoffPrefillProvider, NoHandoffPrefill>();
        services.TryAddScoped<HandoffNotes>();
        services.AddSlackActionPrefix<HandoffButton>(ChangeActions.Handoff);
        services.AddSlackViewSubmission<HandoffSubmission>(HandoffModal.CallbackId);
        return services.AddChangeSubCommand<HandoffSubCommand>(HandoffSubCommand.Name, "Write the handoff note of a change that ran", HandoffSubCommand.Usage);
    }
}
