using ChangeBot.Domain.Changes;
using ChangeBot.Slack.WebApi;

namespace ChangeBot.Features.Intake;

/// <summary>
/// The executor must be a person in the workspace: <c>users.info</c> refuses unknown ids, bots and deactivated
/// accounts. When Slack can't be asked for another reason the executor is let through and that is logged: the id
/// is still a user id, and a Slack hiccup must not block filing.
/// </summary>
public sealed partial class ExecutorCheck(ISlackApiClient slack, ILogger<ExecutorCheck> logger)
{
    public async Task<FieldError?> CheckAsync(string? executor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(executor))
        {
            return null;
        }

        var id = executor.Trim();
        if (!Changes.RoleOptions.IsUserId(id))
        {
            return new FieldError(ChangeRequestFields.Executor, $"'{id}' is not a Slack user id (like U0123ABCD): choose the person who will run the change.");
        }

        try
        {
            var user = await slack.GetUserInfoAsync(id, cancellationToken).ConfigureAwait(false);
            return user.IsBot
                ? new FieldError(ChangeRequestFields.Executor, $"<@{id}> is a bot; a person has to execute the change and answer for it.")
                : null;
        }
        catch (SlackApiException e) when (e.Error is "user_not_found" or "user_not_visible" or "account_inactive")
        {
            return new FieldError(ChangeRequestFields.Executor, $"{id} is not a person in this workspace (Slack says {e.Error}); choose who will run the change.");
        }
        catch (SlackApiException e)
        {
            LogUnchecked(logger, id, e.Error);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Executor {Executor} could not be checked with users.info ({SlackError}); accepted")]
    private static partial void LogUnchecked(ILogger logger, string executor, string slackError);
}
