using ChangeBot.Features.Changes;
using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Execution;

/// <summary>The names and usage lines of the execution sub-commands of <c>/change</c>, and the answer for an outcome.</summary>
public static class ExecutionSubCommands
{
    public const string Start = "start";
    public const string Advance = "advance";
    public const string Rollback = "rollback";
    public const string Complete = "complete";
    public const string Override = "override";
    public const string Retro = "retro";

    public const string StartUsage = "/change start CR-2026-0001";
    public const string AdvanceUsage = "/change advance CR-2026-0001";
    public const string RollbackUsage = "/change rollback CR-2026-0001 error rate above 5 %";
    public const string CompleteUsage = "/change complete CR-2026-0001";
    public const string OverrideUsage = "/change override CR-2026-0001 pcl.soft 2h fix agreed with the EOC on the bridge";
    public const string RetroUsage = "/change retro CR-2026-0001 https://wiki.example.com/retro/123";

    /// <summary>The ephemeral answer to a sub-command: the refusal, or what the use case said.</summary>
    public static SlackAck Answer(ChangeOutcome<ExecutionReply> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Succeeded ? SlackAck.Ephemeral(outcome.Value!.Message) : SlackAck.Ephemeral(outcome.Refusal!);
    }

    internal static bool TryTarget(ChangeCommandRequest request, string usage, out Domain.Changes.ChangeId id, out string rest, out SlackAck refusal)
    {
        if (ChangeCommandText.TryTakeChangeId(request.Arguments, usage, out id, out rest, out var error))
        {
            refusal = SlackAck.Empty;
            return true;
        }

        refusal = SlackAck.Ephemeral(error);
        return false;
    }
}
