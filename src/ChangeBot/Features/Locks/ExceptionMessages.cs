using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Locks;

/// <summary>The exception request's DM with its buttons, and the thread replies; pure.</summary>
public static class ExceptionMessages
{
    public const string ApproveAction = "lock.exception.approve";
    public const string DenyAction = "lock.exception.deny";
    public const string ActionPrefix = "lock.exception.";

    public static MessageLayout AskApprover(ChangeRequest change, ExceptionRequest request, ChangeLock changeLock)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(changeLock);
        var text = $"🙋 {SlackFormat.Person(request.RequestedBy)} asks for an exception to the *{changeLock.Title}* for *{SlackFormat.Title(change)}* ({change.Criticality}, {SlackFormat.Window(change.Content.PlannedStart, change.Content.EstimatedDuration)}).\n*Category*: {ExceptionCategoryText.Describe(request.ExceptionCategory)}\n*Reason*: {request.Reason}";
        var value = request.ToJson();
        return new MessageLayout(text, [
            SectionBlock.Markdown(text),
            new ActionsBlock([
                new ButtonElement(ApproveAction, "Approve the exception", value) { Style = ButtonStyle.Primary },
                new ButtonElement(DenyAction, "Deny", value) { Style = ButtonStyle.Danger },
            ]),
        ]);
    }

    public static MessageLayout Requested(ExceptionRequest request, ChangeLock changeLock, IReadOnlyList<string> approvers)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(changeLock);
        return ChangeThread.Text($"🙋 {SlackFormat.Person(request.RequestedBy)} asked for an exception to the {changeLock.Title} ({ExceptionCategoryText.Describe(request.ExceptionCategory)}): {request.Reason}\nWaiting for {SlackFormat.People(approvers)}.");
    }

    public static MessageLayout Decided(ExceptionRequest request, ChangeLock changeLock, bool approved, string by, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(changeLock);
        var lasting = until is { } end ? $" It lets the change through this lock until {SlackFormat.When(end)}; every other rule still applies." : string.Empty;
        return ChangeThread.Text(approved
            ? $"✅ {SlackFormat.Person(by)} approved the exception to the {changeLock.Title} ({ExceptionCategoryText.Describe(request.ExceptionCategory)}).{lasting}"
            : $"⛔ {SlackFormat.Person(by)} denied the exception to the {changeLock.Title}; the change waits for the lock to end.");
    }
}
