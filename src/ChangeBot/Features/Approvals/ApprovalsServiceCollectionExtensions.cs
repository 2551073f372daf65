using ChangeBot.Features.Changes;
using ChangeBot.Slack.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeBot.Features.Approvals;

public static class ApprovalsServiceCollectionExtensions
{
    /// <summary>Approve / Reject / Veto buttons, the reason modal, and taking the next allowed start.</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.TryAddSingleton<ChangeApprovals>();
        services.AddSlackActionPrefix<ApproveButtonHandler>(ChangeActions.Approve);
        services.AddSlackActionPrefix<ReasonButtonHandler>(ChangeActions.Reject);
        services.AddSlackActionPrefix<ReasonButtonHandler>(ChangeActions.Veto);
        services.AddSlackActionPrefix<NextSlotButtonHandler>(ChangeActions.TakeNextSlot);
        services.AddSlackViewSubmission<ReasonSubmissionHandler>(ReasonModal.CallbackId);
        return services;
    }
}
