using ChangeBot.Data;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Risk;
using ChangeBot.Domain.Rollout;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Outbox;
using ChangeBot.Tests.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeBot.Tests.Incidents;

/// <summary>
/// A pre-approved standard change already rolling out, stored and announced in #change: the shortest way to a
/// change in flight for the incident and trigger tests (starting one through Slack is the execution slice's).
/// </summary>
internal static class RunningChange
{
    public static Task<ChangeRequest> StartAsync(WorkflowHost host, int number, params RollbackTrigger[] triggers) =>
        StoreAsync(host, number, host.Time.GetUtcNow(), started: true, triggers);

    /// <summary>The same change approved (its template is) and booked to start at <paramref name="plannedStart"/>, not started.</summary>
    public static Task<ChangeRequest> BookAsync(WorkflowHost host, int number, DateTimeOffset plannedStart) =>
        StoreAsync(host, number, plannedStart, started: false, []);

    private static async Task<ChangeRequest> StoreAsync(WorkflowHost host, int number, DateTimeOffset plannedStart, bool started, RollbackTrigger[] triggers)
    {
        var now = host.Time.GetUtcNow();
        var content = new ChangeRequestContent
        {
            Title = $"Scale the checkout deployment ({number})",
            Type = ChangeType.Standard,
            StandardTemplate = "scale-deployment",
            Risk = new RiskAssessment(1, 1, 1, 1),
            Environment = "production",
            Services = ["checkout"],
            Executor = WorkflowUsers.Executor,
            ImplementationPlan = "kubectl scale deployment/checkout --replicas=12",
            RollbackPlan = "kubectl scale deployment/checkout --replicas=8",
            RollbackTriggers = triggers.Length > 0 ? triggers : [new RollbackTrigger(RollbackTriggerKind.ManualReview, "Customers report failed payments")],
            PreflightChecks = ["The cluster has room for four more pods"],
            PostChecks = ["12 pods are ready"],
            PlannedStart = plannedStart,
            EstimatedDuration = TimeSpan.FromMinutes(30),
            RolloutStages =
            [
                new RolloutStageDefinition("canary", 5, TimeSpan.FromMinutes(15)),
                new RolloutStageDefinition("full", 100, TimeSpan.FromHours(1)),
            ],
        };
        var change = ChangeRequest.File(ChangeId.Create(2026, number), WorkflowUsers.Requester, content, ChangeRules.Default, templateAlreadyApproved: true, now);
        if (started)
        {
            change.Start(Actor.Engineer(WorkflowUsers.Executor), now);
        }

        var thread = host.Services.GetRequiredService<ChangeThread>();
        await host.Services.GetRequiredService<ChangeBotStore>().WriteAsync(
            async (unit, token) =>
            {
                await unit.Changes.InsertAsync(change, token);
                unit.Enqueue(thread.Announce(change.Id, ChangeThread.Text($"{change.Id} {change.Title} {(started ? "is rolling out" : "is booked")}")));
                return true;
            },
            CancellationToken.None);
        host.Services.GetRequiredService<OutboxSignal>().Notify();
        await host.AnnouncementAsync(change.Id.ToString());
        return change;
    }

    public static async Task<ChangeRequest> LoadAsync(WorkflowHost host, ChangeId id) =>
        (await host.Services.GetRequiredService<ChangeBotStore>().GetAsync(id, CancellationToken.None))!.Change;
}
