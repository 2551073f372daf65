using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Locks;

/// <summary><c>/change exception CR-… &lt;category&gt; &lt;reason&gt;</c>: asks the lock's exception approver.</summary>
public sealed class ExceptionSubCommand(LockExceptions exceptions) : IChangeSubCommandHandler
{
    public const string Name = "exception";

    public async Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parts = request.Arguments.Trim().Split(' ', 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var categories = string.Join(", ", ExceptionCategoryText.Keys.Order(StringComparer.Ordinal).Select(key => $"`{key}`"));
        if (parts.Length < 3)
        {
            return SlackAck.Ephemeral($"Usage: `/change exception CR-2026-0042 <category> <reason>`, where the category is one of {categories}.");
        }

        if (!ChangeId.TryParse(parts[0], out var id))
        {
            return SlackAck.Ephemeral($"'{parts[0]}' is not a change request id such as CR-2026-0042.");
        }

        if (!ExceptionCategoryText.TryParse(parts[1], out var category))
        {
            return SlackAck.Ephemeral($"'{parts[1]}' is not an exception category: use one of {categories}.");
        }

        var outcome = await exceptions.RequestAsync(id, category, parts[2], request.Command.UserId, cancellationToken).ConfigureAwait(false);
        return SlackAck.Ephemeral(outcome.Message);
    }
}
