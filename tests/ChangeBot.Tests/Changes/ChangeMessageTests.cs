using System.Text.Json.Nodes;
using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Approvals;
using ChangeBot.Features.Changes;
using ChangeBot.Slack.BlockKit;
using ChangeBot.Testing.Slack;

namespace ChangeBot.Tests.Changes;

/// <summary>The CR message as a pure function: what a reader sees and which buttons the state allows.</summary>
public sealed class ChangeMessageTests
{
    private static readonly Dictionary<ApproverRole, IReadOnlyList<string>> OnCall = new() { [ApproverRole.Eoc] = ["U0EOC"] };

    [Fact]
    public void Render_SubmittedChange_ShowsTheCrAndOneApproveButtonPerOpenRequirement()
    {
        var change = Changes.Submitted();
        var allowed = new AdmissionDecision([], [new AdmissionCondition("serialisation", "CR-2026-0007 is also running.")], Changes.Start, "test");

        var message = ChangeMessage.Render(new ChangeView(change, allowed, OnCall));

        var text = TextOf(message);
        Assert.Contains("CR-2026-0001 · Upgrade Redis cluster from 7.0 to 7.2", text, StringComparison.Ordinal);
        Assert.Contains("*Requester*\n<@U0ALICE>", text, StringComparison.Ordinal);
        Assert.Contains("*Executor*\n<@U0BOB>", text, StringComparison.Ordinal);
        Assert.Contains("*Risk*\nmedium (score 7)", text, StringComparison.Ordinal);
        Assert.Contains("Reversibility 2 — Rollback under 5 min", text, StringComparison.Ordinal);
        Assert.Contains("Waiting for approval `change::unscheduled`\nrevision 1", text, StringComparison.Ordinal);
        Assert.Contains("<!date^1796180400^{date_short_pretty} {time}|2026-12-02 03:00 UTC> → <!date^1796183100^{time}|03:45 UTC> (45 minutes)", text, StringComparison.Ordinal);
        Assert.Contains("EOC acknowledgement (0 of 1): 1 more from the EOC (on call: <@U0EOC>)", text, StringComparison.Ordinal);
        Assert.Contains("ℹ️ CR-2026-0007 is also running.", text, StringComparison.Ordinal);
        Assert.Equal(
            ["cr.approve:CR-2026-0001:1:reviewers", "cr.approve:CR-2026-0001:1:eocAcknowledgement", "cr.reject:CR-2026-0001:1", "cr.edit:CR-2026-0001:1", "cr.veto:CR-2026-0001:1"],
            ActionIds(message));
        Assert.Null(SlackBlockRules.CheckMessage(message.BlocksJson()));
    }

    [Fact]
    public void Render_BlockedAtItsPlannedStart_ListsEveryReasonAndTheNextAllowedStart()
    {
        var change = Changes.Submitted();
        var next = new DateTimeOffset(2026, 12, 3, 2, 0, 0, TimeSpan.Zero);
        var blocked = new AdmissionDecision(
            [new AdmissionReason("window.normal", "Normal changes start Tue–Thu 02:00–06:00 UTC."), new AdmissionReason("pcl.soft", "Release day PCL.")],
            [],
            next,
            "test");

        var text = TextOf(ChangeMessage.Render(new ChangeView(change, blocked, OnCall)));

        Assert.Contains("⛔ *Admission*: may not start at", text, StringComparison.Ordinal);
        Assert.Contains("• Normal changes start Tue–Thu 02:00–06:00 UTC.\n• Release day PCL.", text, StringComparison.Ordinal);
        Assert.Contains($"Next allowed start: <!date^{next.ToUnixTimeSeconds()}^", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ScheduledChange_OffersStartEditAndVetoButNoMoreApprovals()
    {
        var message = ChangeMessage.Render(ChangeView.Of(Changes.Scheduled()));

        Assert.Equal(["cr.start:CR-2026-0001:1", "cr.edit:CR-2026-0001:1", "cr.veto:CR-2026-0001:1"], ActionIds(message));
        Assert.Contains("✅ Reviewers (2 of 2): <@U0REV1>, <@U0REV2>", TextOf(message), StringComparison.Ordinal);
        Assert.Contains("Scheduled `change::scheduled`", TextOf(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RunningChange_AdvanceNamesTheNextStage()
    {
        var change = Changes.Scheduled();
        change.Start(Actor.Engineer("U0BOB"), Changes.Start);

        var message = ChangeMessage.Render(ChangeView.Of(change));

        Assert.Contains("Advance to limited (25 %)", TextOf(message), StringComparison.Ordinal);
        Assert.Contains("In progress: canary (5 %)", TextOf(message), StringComparison.Ordinal);
        Assert.Equal(["cr.advance:CR-2026-0001:1", "cr.rollback:CR-2026-0001:1", "cr.veto:CR-2026-0001:1"], ActionIds(message));
    }

    [Fact]
    public void Render_VetoedChange_SaysByWhomAndWhyWithNoButtons()
    {
        var change = Changes.Submitted();
        change.Veto(Actor.Engineer("U0EOC", ApproverRole.Eoc), "Black Friday traffic.", Changes.Now);

        var message = ChangeMessage.Render(ChangeView.Of(change));

        Assert.Contains("*Vetoed* by <@U0EOC>: Black Friday traffic.", TextOf(message), StringComparison.Ordinal);
        Assert.Empty(ActionIds(message));
        Assert.DoesNotContain("Admission", TextOf(message), StringComparison.Ordinal);
    }

    [Fact]
    public void ActionIds_RoundTrip_CarryTheChangeRevisionAndDetail()
    {
        var id = ChangeActions.For(ChangeActions.Approve, Domain.Changes.ChangeId.Create(2026, 451), 3, "eocWritten");

        Assert.Equal("cr.approve:CR-2026-0451:3:eocWritten", id);
        Assert.True(ChangeActions.TryParse(id, ChangeActions.Approve, out var target));
        Assert.Equal(new ChangeActionTarget(Domain.Changes.ChangeId.Create(2026, 451), 3, "eocWritten"), target);
        Assert.False(ChangeActions.TryParse(id, ChangeActions.Reject, out _));
        Assert.False(ChangeActions.TryParse("cr.approve:CR-2026-0451", ChangeActions.Approve, out _));
        Assert.False(ChangeActions.TryParse("cr.approve:banana:3", ChangeActions.Approve, out _));
        Assert.False(ChangeActions.TryParse("cr.approve:CR-2026-0451:0", ChangeActions.Approve, out _));
    }

    private static string TextOf(MessageLayout message)
    {
        var texts = new List<string> { message.Text };
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj)
                    {
                        if (key == "text" && child is JsonValue value)
                        {
                            texts.Add(value.GetValue<string>());
                        }
                        else
                        {
                            Walk(child);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Walk(child);
                    }

                    break;
                default:
                    break;
            }
        }

        Walk(message.BlocksJson());
        return string.Join("\n", texts);
    }

    private static List<string> ActionIds(MessageLayout message) =>
        [.. message.BlocksJson().OfType<JsonObject>()
            .Where(block => block["type"]!.GetValue<string>() == "actions")
            .SelectMany(block => block["elements"]!.AsArray())
            .Select(element => element!["action_id"]!.GetValue<string>())];
}
