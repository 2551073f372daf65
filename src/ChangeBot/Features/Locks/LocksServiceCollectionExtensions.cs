using ChangeBot.Features.Changes;
using ChangeBot.Features.Commands;
using ChangeBot.Slack.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeBot.Features.Locks;

public static class LocksServiceCollectionExtensions
{
    /// <summary><c>/change pcl …</c>, <c>/change freeze …</c>, the lock modal and <c>/change exception …</c> with its buttons. Needs the scheduling registration.</summary>
    public static IServiceCollection AddChangeLocks(this IServiceCollection services)
    {
        services.TryAddSingleton<ChangeLocks>();
        services.TryAddSingleton<LockExceptions>();
        services.Replace(ServiceDescriptor.Singleton<ILockExceptionSource, StoredLockExceptions>());
        services.AddChangeSubCommand<PclSubCommand>(PclSubCommand.Name, "Production change locks: add, list, end", "/change pcl add | list | end <name>");
        services.AddChangeSubCommand<FreezeSubCommand>(FreezeSubCommand.Name, "Change freezes: add, list, end", "/change freeze add | list | end <name>");
        services.AddSlackViewSubmission<LockModalSubmission>(LockModal.CallbackId);
        services.AddChangeSubCommand<ExceptionSubCommand>(ExceptionSubCommand.Name, "Ask for an exception to a lock", "/change exception CR-2026-0042 security-patch-critical <reason>");
        services.AddSlackActionPrefix<ExceptionDecisionHandler>(ExceptionMessages.ActionPrefix);
        return services;
    }
}
