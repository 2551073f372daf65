using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Execution;

/// <summary>The small modal the Rollback button opens: why it is rolled back. The CR and revision ride in the private metadata.</summary>
public static class RollbackModal
{
    public const string CallbackId = "cr.rollback.reason";
    public const string ReasonBlock = "rollback.reason";
    public const string ReasonAction = "value";

    public static ModalView Render(ChangeId id, int revision, string title) => new(
        CallbackId,
        "Roll back",
        [
            SectionBlock.Markdown($"Roll back *{id} · {title}*? The rollback is announced in its thread with its rollback plan."),
            new InputBlock(ReasonBlock, "Why is it rolled back?", new TextInputElement(ReasonAction) { Multiline = true, MaxLength = 1000, Placeholder = "Error rate above 5 % for 2 minutes" }),
        ])
    {
        Submit = "Roll back",
        Close = "Cancel",
        PrivateMetadata = ChangeActions.For(string.Empty, id, revision),
    };
}
