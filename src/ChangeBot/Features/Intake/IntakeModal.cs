using System.Globalization;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Risk;
using ChangeBot.Domain.Rollout;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Intake;

/// <summary>
/// The intake modal for <c>/change new</c> and <c>/change edit</c>: one input per field, its block id the field's key
/// (<see cref="ChangeRequestFields"/>) so inline errors land on it, every input pre-filled from a body so nothing typed
/// is lost when the modal is rebuilt. The C1/C2 change team (EMOC, CMOC, bridge) is shown once the criticality asks for it.
/// </summary>
public static class IntakeModal
{
    public const string CallbackId = "cr.intake";

    /// <summary>Every input's action id; the block id says which field it is.</summary>
    public const string ValueActionId = "value";

    public const string CausesDowntimeValue = "yes";

    public static ModalView Build(ChangeRequestBody body, IntakeModalMetadata metadata, IReadOnlyList<RolloutStageDefinition> defaultStages, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(metadata);
        var blocks = new List<Block>();
        if (notice is not null)
        {
            blocks.Add(SectionBlock.Markdown(notice));
        }

        blocks.Add(Text(ChangeRequestFields.Title, "Title", body.Title, "Upgrade Redis cluster from 7.0 to 7.2"));
        blocks.Add(Select(ChangeRequestFields.Type, "Type", [("Normal (reviewed and approved)", "normal"), ("Standard (pre-approved template)", "standard"), ("Emergency (fixes an incident)", "emergency")], body.Type ?? "normal"));
        blocks.Add(Text(ChangeRequestFields.StandardTemplate, "Standard template", body.StandardTemplate, "the template a standard change follows", optional: true));
        blocks.Add(Select(ChangeRequestFields.Criticality, "Criticality", [("C1 (most critical)", "C1"), ("C2", "C2"), ("C3", "C3"), ("C4", "C4")], body.Criticality, optional: true)
            with { Hint = "Leave empty to derive it from the risk; you may raise it, never lower it." });
        blocks.Add(Text(ChangeRequestFields.Environment, "Environment", body.Environment ?? "production", "production"));
        blocks.Add(Text(ChangeRequestFields.Services, "Services affected", Lines(body.Services), "redis-cluster-primary, session-cache", multiline: true)
            with { Hint = "One per line or separated by commas; name each service, no wildcards." });
        foreach (var scale in RiskDimensionScale.All)
        {
            var options = Enumerable.Range(RiskDimensionScale.MinimumScore, RiskDimensionScale.MaximumScore)
                .Select(score => (scale.Label(score), score.ToString(CultureInfo.InvariantCulture)))
                .ToList();
            blocks.Add(Select(scale.FieldKey, $"Risk: {scale.Name.ToLowerInvariant()}", options, ScoreOf(body.Risk, scale.Dimension)?.ToString(CultureInfo.InvariantCulture)));
        }

        var downtime = new OptionObject("Yes, this change causes downtime (always C1)", CausesDowntimeValue);
        blocks.Add(new InputBlock(ChangeRequestFields.RiskCausesDowntime, "Causes downtime?", new OptionsElement(ValueActionId, OptionsKind.Checkboxes, [downtime])
        {
            Initial = body.CausesDowntime == true ? [downtime] : [],
        })
        { Optional = true });
        blocks.Add(new InputBlock(ChangeRequestFields.PlannedStart, "Planned start", new PickerElement(ValueActionId, PickerElement.DateTimePicker)
        {
            Initial = StartSeconds(body.PlannedStart),
        }));
        blocks.Add(Text(ChangeRequestFields.EstimatedDuration, "Estimated duration", body.EstimatedDuration, "45m, 1h30m, 2h")
            with { Hint = "Like 45m, 1h30m, 2h or 1d." });
        blocks.Add(new InputBlock(ChangeRequestFields.Executor, "Executor", new PickerElement(ValueActionId, PickerElement.UsersSelect)
        {
            Initial = body.Executor,
            Placeholder = "Who runs the change (ideally not you)",
        }));
        blocks.Add(Text(ChangeRequestFields.ImplementationPlan, "Implementation plan", body.ImplementationPlan, "The steps the executor follows", multiline: true));
        blocks.Add(Text(ChangeRequestFields.RollbackPlan, "Rollback plan", body.RollbackPlan, "How to undo it, step by step", multiline: true));
        blocks.Add(Text(ChangeRequestFields.RollbackTriggers, "Rollback triggers", Lines(body.RollbackTriggers), "Error rate exceeds 5% for 2 consecutive minutes", multiline: true)
            with { Hint = "One per line: conditions that mean \"roll back without debate\". Start a line with \"manual:\" for one a person decides." });
        blocks.Add(Text(ChangeRequestFields.PreflightChecks, "Pre-flight checks", Lines(body.PreflightChecks), "What must be true before it runs", multiline: true) with { Hint = "One per line." });
        blocks.Add(Text(ChangeRequestFields.PostChecks, "Post-verification checks", Lines(body.PostChecks), "How you prove it worked", multiline: true) with { Hint = "One per line." });
        blocks.Add(Text(ChangeRequestFields.RolloutStages, "Rollout stages", StagesText(body.RolloutStages) ?? ChangeRequestBodyReader.StagesText(defaultStages), "canary 5% 15m", multiline: true)
            with { Hint = "One stage per line: name, percentage, minimum monitoring time. The policy's defaults are filled in." });
        blocks.Add(new InputBlock(ChangeRequestFields.DryRunLink, "Dry-run output", new TextInputElement(ValueActionId, TextInputKind.Url) { InitialValue = body.DryRunLink }) { Optional = true });
        blocks.Add(Text(ChangeRequestFields.IncidentId, "Incident it fixes", body.IncidentId, "INC-1234 (emergency changes)", optional: true));

        if (metadata.ShowsTeam)
        {
            blocks.Add(new DividerBlock());
            blocks.Add(SectionBlock.Markdown("*Change team* (C1 and C2 changes)"));
            blocks.Add(new InputBlock(ChangeRequestFields.EventManager, "Event manager (EMOC)", new PickerElement(ValueActionId, PickerElement.UsersSelect) { Initial = body.EventManager })
            { Optional = true, Hint = "Leads the change on the bridge." });
            blocks.Add(new InputBlock(ChangeRequestFields.CommunicationsManager, "Communications manager (CMOC)", new PickerElement(ValueActionId, PickerElement.UsersSelect) { Initial = body.CommunicationsManager })
            { Optional = true, Hint = "Keeps stakeholders informed; required for maintenance (normal) changes." });
            blocks.Add(new InputBlock(ChangeRequestFields.BridgeLink, "Change bridge", new TextInputElement(ValueActionId, TextInputKind.Url) { InitialValue = body.BridgeLink })
            { Optional = true, Hint = "The video call for the change." });
        }

        return new ModalView(CallbackId, metadata.IsEdit ? $"Edit {metadata.ChangeId}" : "New change request", blocks)
        {
            Submit = metadata.IsEdit ? "Save revision" : "File it",
            Close = "Cancel",
            PrivateMetadata = metadata.Serialize(),
        };
    }

    /// <summary>The block ids of the inputs a modal with <paramref name="showsTeam"/> has (where inline errors can go).</summary>
    public static IReadOnlySet<string> InputBlockIds(bool showsTeam)
    {
        var modal = Build(new ChangeRequestBody(), new IntakeModalMetadata(null, null, null, showsTeam), Domain.Rollout.RolloutStageDefinition.Defaults);
        return modal.Blocks.OfType<InputBlock>().Select(block => block.BlockId!).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The body a CR's current content gives, to pre-fill an edit.</summary>
    public static ChangeRequestBody BodyOf(ChangeRequest change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var content = change.Content;
        return new ChangeRequestBody
        {
            Title = content.Title,
            Type = content.Type.ToString().ToLowerInvariant(),
            Criticality = content.Criticality?.ToString(),
            Environment = content.Environment,
            Services = content.Services,
            Risk = new RiskBody(content.Risk.BlastRadius, content.Risk.Reversibility, content.Risk.Confidence, content.Risk.Timing),
            CausesDowntime = content.Risk.CausesDowntime,
            Requester = change.Requester,
            Executor = content.Executor,
            PlannedStart = content.PlannedStart.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            EstimatedDuration = DurationText.Format(content.EstimatedDuration),
            ImplementationPlan = content.ImplementationPlan,
            RollbackPlan = content.RollbackPlan,
            RollbackTriggers = [.. content.RollbackTriggers.Select(ChangeRequestBodyReader.TriggerText)],
            PreflightChecks = content.PreflightChecks,
            PostChecks = content.PostChecks,
            RolloutStages = [.. content.RolloutStages.Select(stage => new RolloutStageBody(stage.Name, stage.Percent, DurationText.Format(stage.MinimumMonitoring)))],
            DryRunLink = content.DryRunLink,
            EventManager = content.EventManager,
            CommunicationsManager = content.CommunicationsManager,
            BridgeLink = content.BridgeLink,
            IncidentId = content.IncidentId,
            StandardTemplate = content.StandardTemplate,
        };
    }

    private static InputBlock Text(string field, string label, string? initial, string placeholder, bool multiline = false, bool optional = false) =>
        new(field, label, new TextInputElement(ValueActionId)
        {
            Multiline = multiline,
            InitialValue = initial,
            Placeholder = placeholder,
        })
        { Optional = optional };

    private static InputBlock Select(string field, string label, IReadOnlyList<(string Text, string Value)> choices, string? initial, bool optional = false)
    {
        var options = choices.Select(choice => new OptionObject(choice.Text, choice.Value)).ToList();
        var selected = options.Where(option => string.Equals(option.Value, initial, StringComparison.OrdinalIgnoreCase)).Take(1).ToList();
        return new InputBlock(field, label, new OptionsElement(ValueActionId, OptionsKind.StaticSelect, options) { Initial = selected }) { Optional = optional };
    }

    private static int? ScoreOf(RiskBody? risk, RiskDimension dimension) => dimension switch
    {
        RiskDimension.BlastRadius => risk?.BlastRadius,
        RiskDimension.Reversibility => risk?.Reversibility,
        RiskDimension.Confidence => risk?.Confidence,
        RiskDimension.Timing => risk?.Timing,
        _ => null,
    };

    private static string? StartSeconds(string? plannedStart) =>
        DateTimeOffset.TryParse(plannedStart, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
            : null;

    private static string? Lines(IReadOnlyList<string>? items) => items is null || items.Count == 0 ? null : string.Join("\n", items);

    private static string? StagesText(IReadOnlyList<RolloutStageBody>? stages) =>
        stages is null || stages.Count == 0
            ? null
            : string.Join("\n", stages.Select(stage => string.Create(CultureInfo.InvariantCulture, $"{stage.Name} {stage.Percent}% {stage.MinimumMonitoring}")));
}
