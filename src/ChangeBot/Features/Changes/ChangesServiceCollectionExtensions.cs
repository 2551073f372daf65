using ChangeBot.Features.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Changes;

public static class ChangesServiceCollectionExtensions
{
    /// <summary>
    /// The workflow core every change slice builds on: channels, roles, the thread conventions, admission for a CR and
    /// the use-case runner. Needs the data, Slack, policy and admission registrations.
    /// </summary>
    public static IServiceCollection AddChangeWorkflowCore(this IServiceCollection services)
    {
        services.AddOptions<ChangeChannelsOptions>().BindConfiguration(ChangeChannelsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RoleOptions>().BindConfiguration(RoleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoleOptions>, RoleOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<RoleDirectory>();
        services.TryAddSingleton<ChangeThread>();
        services.TryAddSingleton<NoAdmissionOverrides>();
        services.TryAddSingleton<IAdmissionOverrideSource>(sp => sp.GetRequiredService<NoAdmissionOverrides>());
        services.TryAddSingleton<ILockExceptionSource>(sp => sp.GetRequiredService<NoAdmissionOverrides>());
        services.TryAddSingleton<ChangeRequestAdmission>();
        services.TryAddSingleton<ChangeWorkflow>();
        return services;
    }
}
