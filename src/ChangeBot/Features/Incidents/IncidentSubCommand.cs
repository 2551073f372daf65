using System.Globalization;
using ChangeBot.Data.Operations;
using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Changes;
using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;

namespace ChangeBot.Features.Incidents;

/// <summary>
/// <c>/change incident start S1 &lt;title&gt;</c> and <c>/change incident end &lt;id&gt;</c>. Declaring and ending
/// incidents is for the people who run them: the EOC, the incident commander and admins. Acknowledged at once; the
/// declaration is stored and announced after the ack, and the user is told the outcome privately.
/// </summary>
internal sealed class IncidentSubCommand(TimeProvider clock) : IChangeSubCommandHandler
{
    public const string Name = "incident";
    public const string Usage = "/change incident start S1 Checkout is down | /change incident end INC-20261201-1200";

    private static readonly ApproverRole[] MayDeclare = [ApproverRole.Eoc, ApproverRole.IncidentCommander, ApproverRole.Admin];

    public Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var words = request.Arguments.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var verb = words.Length > 0 ? words[0].ToLowerInvariant() : string.Empty;
        string? id;
        IncidentSeverity severity = default;
        string? title = null;
        switch (verb)
        {
            case "start" when words.Length == 3 && Enum.TryParse(words[1], ignoreCase: true, out severity) && Enum.IsDefined(severity) && words[1].Length == 2:
                id = "INC-" + clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
                title = words[2];
                break;
            case "start":
                return Reply("Declare an incident with its severity and a title: `/change incident start S1 Checkout is down` (severity S1, S2, S3 or S4).");
            case "end" when words.Length == 2:
                id = words[1];
                break;
            case "end":
                return Reply("Name the incident to end: `/change incident end INC-20261201-1200` (the id from its announcement).");
            default:
                return Reply($"`/change incident` takes `start` or `end`: {Usage.Replace(" | ", " or ", StringComparison.Ordinal)}.");
        }

        var user = request.Command.UserId;
        context.After(async (services, token) =>
        {
            var notices = services.GetRequiredService<SlackUserNotices>();
            var actor = await services.GetRequiredService<RoleDirectory>().SlackUserAsync(user, token).ConfigureAwait(false);
            if (!MayDeclare.Any(actor.Actor.Holds))
            {
                await notices.TellAsync(context, "Only the EOC, the incident commander or an admin can declare or end an incident. Ask the EOC on call.", token).ConfigureAwait(false);
                return;
            }

            var desk = services.GetRequiredService<IncidentDesk>();
            var queries = services.GetRequiredService<IncidentQueries>();
            string answer;
            if (verb == "start")
            {
                // Two declarations in the same second must not become one incident.
                var taken = id;
                for (var suffix = 2; await queries.GetAsync(id, token).ConfigureAwait(false) is not null; suffix++)
                {
                    id = string.Create(CultureInfo.InvariantCulture, $"{taken}-{suffix}");
                }

                var outcome = await desk.ReportAsync(new IncidentReport(id, severity, true, title!), actor, token).ConfigureAwait(false);
                answer = $"Incident {id} ({severity}) is declared and announced in #change.{Paused(outcome)}";
            }
            else
            {
                var known = await queries.GetAsync(id.Trim(), token).ConfigureAwait(false);
                if (known is null || known.ResolvedAt is not null)
                {
                    answer = known is null ? $"There is no incident {id}." : $"Incident {known.Id} was already resolved.";
                }
                else
                {
                    var outcome = await desk.ReportAsync(new IncidentReport(known.Id, Enum.Parse<IncidentSeverity>(known.Severity), false, known.Title), actor, token).ConfigureAwait(false);
                    answer = $"Incident {known.Id} is resolved.{(outcome.Released.Count > 0 ? $" Released: {string.Join(", ", outcome.Released)}." : string.Empty)}";
                }
            }

            await notices.TellAsync(context, answer, token).ConfigureAwait(false);
        });
        return Task.FromResult(SlackAck.Empty);
    }

    private static string Paused(IncidentOutcome outcome) =>
        outcome.Paused.Count > 0 ? $" Paused rollouts: {string.Join(", ", outcome.Paused)}." : string.Empty;

    private static Task<SlackAck> Reply(string text) => Task.FromResult(SlackAck.Ephemeral(text));
}
