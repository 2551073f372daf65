using System.Globalization;
using ChangeBot.Data.Changes;
using ChangeBot.Data.Operations;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Handoff;
using ChangeBot.Features.Monitoring;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Incidents;

/// <summary>
/// The handoff note's pre-fill from the facts: the silences active in Alertmanager (matchers, creator, ends at),
/// the changes in progress and those booked to start in the next 12 hours, and the active incidents. The author
/// edits it before posting; a source that does not answer is named in the text instead of failing the modal.
/// </summary>
internal sealed class HandoffFacts(
    AlertmanagerClient alertmanager,
    IOptions<MonitoringOptions> options,
    ChangeRequestQueries changes,
    IncidentQueries incidents,
    TimeProvider clock) : IHandoffPrefillProvider
{
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(12);

    public async Task<HandoffPrefill> ForChangeAsync(ChangeRequest change, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var running = await changes.InProgressAsync(cancellationToken).ConfigureAwait(false);
        var booked = (await changes.PlannedBetweenAsync(now, now + Ahead, cancellationToken).ConfigureAwait(false))
            .Where(summary => summary.State is ChangeState.Approved or ChangeState.Scheduled && summary.PlannedStart >= now)
            .ToList();
        var active = await incidents.ActiveAsync(cancellationToken).ConfigureAwait(false);

        var state = new List<string>();
        state.Add(active.Count == 0
            ? "Active incident: none."
            : "Active incident: " + string.Join("; ", active.Select(incident => $"{incident.Id} ({incident.Severity}) {incident.Title}, since {Utc(incident.StartedAt)}")) + ".");
        state.Add(running.Count == 0
            ? "In progress: nothing."
            : "In progress: " + string.Join("; ", running.Select(summary => $"{summary.Id} {summary.Title} ({Words(summary.State)}, <@{summary.Executor}>)")) + ".");
        state.Add(booked.Count == 0
            ? "Scheduled in the next 12 h: nothing."
            : "Scheduled in the next 12 h: " + string.Join("; ", booked.Select(summary => $"{summary.Id} {summary.Title} at {Utc(summary.PlannedStart)}")) + ".");

        return new HandoffPrefill(State: string.Join("\n", state), AlertsSilenced: await SilencesAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<string> SilencesAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Alertmanager.HasUrl)
        {
            return "Alertmanager is not configured (Monitoring:Alertmanager:Url): list the silences by hand.";
        }

        try
        {
            var silences = await alertmanager.GetSilencesAsync(cancellationToken, SilenceState.Active).ConfigureAwait(false);
            return silences.Count == 0
                ? "No silences are active in Alertmanager."
                : string.Join("\n", silences.Select(silence =>
                    $"{silence.MatchersText} by {silence.CreatedBy}, ends {Utc(silence.EndsAt)}{(silence.Comment.Length > 0 ? $": {silence.Comment}" : string.Empty)}"));
        }
        catch (MonitoringUnavailableException e)
        {
            return $"The silences could not be read: {e.Message}";
        }
    }

    private static string Words(ChangeState state) => state == ChangeState.Monitoring ? "baking" : "rolling out";

    private static string Utc(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
