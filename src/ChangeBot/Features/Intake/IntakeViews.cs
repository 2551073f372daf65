using ChangeBot.Domain.Changes;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Intake;

/// <summary>Field errors as the modal shows them: each on its block, unknown fields on the title so none is lost.</summary>
public static class IntakeViews
{
    public static SlackAck Errors(IEnumerable<FieldError> errors, IReadOnlySet<string> blocks)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(blocks);
        var map = errors
            .GroupBy(error => blocks.Contains(error.Field) ? error.Field : ChangeRequestFields.Title, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => string.Join(" ", group.Select(error => error.Message).Distinct(StringComparer.Ordinal)), StringComparer.Ordinal);
        return SlackAck.Errors(map);
    }
}
