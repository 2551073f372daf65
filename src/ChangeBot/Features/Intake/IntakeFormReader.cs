using System.Globalization;
using ChangeBot.Domain.Changes;
using ChangeBot.Slack.Payloads;

namespace ChangeBot.Features.Intake;

/// <summary>Reads the intake modal's state into a <see cref="ChangeRequestBody"/>, field by field, trusting nothing.</summary>
public static class IntakeFormReader
{
    public static ChangeRequestBody Read(ViewState state, string requester)
    {
        ArgumentNullException.ThrowIfNull(state);
        string? Value(string field) => state.Get(field, IntakeModal.ValueActionId)?.Value;
        string? Option(string field) => state.Get(field, IntakeModal.ValueActionId)?.SelectedOption?.Value;
        string? User(string field) => state.Get(field, IntakeModal.ValueActionId)?.SelectedUser;
        int? Score(string field) => int.TryParse(Option(field), NumberStyles.None, CultureInfo.InvariantCulture, out var score) ? score : null;
        var start = state.Get(ChangeRequestFields.PlannedStart, IntakeModal.ValueActionId)?.DateTime;
        var downtime = state.Get(ChangeRequestFields.RiskCausesDowntime, IntakeModal.ValueActionId)?.SelectedOptions;

        return new ChangeRequestBody
        {
            Title = Value(ChangeRequestFields.Title),
            Type = Option(ChangeRequestFields.Type),
            Criticality = Option(ChangeRequestFields.Criticality),
            Environment = Value(ChangeRequestFields.Environment),
            Services = Split(Value(ChangeRequestFields.Services), commas: true),
            Risk = new RiskBody(
                Score(ChangeRequestFields.RiskBlastRadius),
                Score(ChangeRequestFields.RiskReversibility),
                Score(ChangeRequestFields.RiskConfidence),
                Score(ChangeRequestFields.RiskTiming)),
            CausesDowntime = downtime?.Any(option => option.Value == IntakeModal.CausesDowntimeValue) ?? false,
            Requester = requester,
            Executor = User(ChangeRequestFields.Executor),
            PlannedStart = start?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            EstimatedDuration = Value(ChangeRequestFields.EstimatedDuration),
            ImplementationPlan = Value(ChangeRequestFields.ImplementationPlan),
            RollbackPlan = Value(ChangeRequestFields.RollbackPlan),
            RollbackTriggers = Split(Value(ChangeRequestFields.RollbackTriggers), commas: false),
            PreflightChecks = Split(Value(ChangeRequestFields.PreflightChecks), commas: false),
            PostChecks = Split(Value(ChangeRequestFields.PostChecks), commas: false),
            RolloutStages = ChangeRequestBodyReader.StageLines(Value(ChangeRequestFields.RolloutStages)),
            DryRunLink = Value(ChangeRequestFields.DryRunLink),
            EventManager = User(ChangeRequestFields.EventManager),
            CommunicationsManager = User(ChangeRequestFields.CommunicationsManager),
            BridgeLink = Value(ChangeRequestFields.BridgeLink),
            IncidentId = Value(ChangeRequestFields.IncidentId),
            StandardTemplate = Value(ChangeRequestFields.StandardTemplate),
        };
    }

    private static List<string> Split(string? text, bool commas) =>
        [.. (text ?? string.Empty)
            .Split(commas ? ['\n', ','] : ['\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.TrimStart('-', '•', '*', ' '))
            .Where(line => line.Length > 0)];
}
