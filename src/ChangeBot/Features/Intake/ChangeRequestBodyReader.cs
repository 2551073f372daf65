using System.Globalization;
using System.Text.RegularExpressions;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Risk;
using ChangeBot.Domain.Rollout;

namespace ChangeBot.Features.Intake;

/// <summary>
/// Turns a <see cref="ChangeRequestBody"/> into <see cref="ChangeRequestContent"/> and validates it, reporting every
/// problem at once: what can't be read (a duration that isn't one, a start that isn't a time, a missing risk score)
/// and then what the domain refuses, without repeating a field already reported.
/// </summary>
public static partial class ChangeRequestBodyReader
{
    public const string ManualTriggerPrefix = "manual:";

    public static IntakeReading Read(
        ChangeRequestBody body,
        string requester,
        DateTimeOffset now,
        IReadOnlyList<RolloutStageDefinition> defaultStages)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(defaultStages);
        var errors = new List<FieldError>();
        var type = ReadType(body.Type, errors);
        var criticality = ReadCriticality(body.Criticality, errors);
        var risk = ReadRisk(body.Risk, body.CausesDowntime ?? false, errors);
        var start = ReadStart(body.PlannedStart, now, errors);
        var duration = ReadDuration(body.EstimatedDuration, errors);
        var stages = ReadStages(body.RolloutStages, defaultStages, errors);

        var content = new ChangeRequestContent
        {
            Title = Clean(body.Title) ?? string.Empty,
            Type = type,
            Criticality = criticality,
            Risk = risk,
            Environment = Clean(body.Environment) ?? string.Empty,
            Services = Items(body.Services),
            Executor = Clean(body.Executor) ?? string.Empty,
            ImplementationPlan = Clean(body.ImplementationPlan) ?? string.Empty,
            RollbackPlan = Clean(body.RollbackPlan) ?? string.Empty,
            RollbackTriggers = [.. Items(body.RollbackTriggers).Select(Trigger)],
            PreflightChecks = Items(body.PreflightChecks),
            PostChecks = Items(body.PostChecks),
            PlannedStart = start,
            EstimatedDuration = duration,
            RolloutStages = stages,
            DryRunLink = Clean(body.DryRunLink),
            EventManager = Clean(body.EventManager),
            CommunicationsManager = Clean(body.CommunicationsManager),
            BridgeLink = Clean(body.BridgeLink),
            IncidentId = Clean(body.IncidentId),
            StandardTemplate = Clean(body.StandardTemplate),
        };

        var validation = content.Validate(requester, now, defaultStages);
        var reported = errors.Select(error => error.Field).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(validation.Errors.Where(error => !reported.Contains(error.Field)));
        return new IntakeReading(content, errors, validation.Warnings);
    }

    /// <summary>"canary 5% 15m" for each stage, one per line: how the modal shows and reads a rollout plan.</summary>
    public static string StagesText(IEnumerable<RolloutStageDefinition> stages) =>
        string.Join("\n", stages.Select(stage => string.Create(CultureInfo.InvariantCulture, $"{stage.Name} {stage.Percent}% {DurationText.Format(stage.MinimumMonitoring)}")));

    /// <summary>Reads <see cref="StagesText"/>'s lines back into stage bodies (the reader then checks them).</summary>
    public static IReadOnlyList<RolloutStageBody> StageLines(string? text) =>
        [.. (text ?? string.Empty)
            .Split(['\n', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line =>
            {
                var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                int? percent = words.Length > 1 && int.TryParse(words[1].TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
                return new RolloutStageBody(words[0], percent, words.Length > 2 ? string.Join(' ', words.Skip(2)) : null);
            })];

    /// <summary>A trigger as one line of text; "manual: …" marks one a person decides.</summary>
    public static string TriggerText(RollbackTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return trigger.Kind == RollbackTriggerKind.ManualReview ? $"{ManualTriggerPrefix} {trigger.Description}" : trigger.Description;
    }

    private static RollbackTrigger Trigger(string line) =>
        line.StartsWith(ManualTriggerPrefix, StringComparison.OrdinalIgnoreCase)
            ? new RollbackTrigger(RollbackTriggerKind.ManualReview, line[ManualTriggerPrefix.Length..].Trim())
            : new RollbackTrigger(RollbackTriggerKind.Immediate, line);

    private static ChangeType ReadType(string? text, List<FieldError> errors)
    {
        if (Clean(text) is not { } value)
        {
            errors.Add(new FieldError(ChangeRequestFields.Type, "Choose the type of change: standard, normal or emergency."));
            return ChangeType.Normal;
        }

        if (Enum.TryParse<ChangeType>(value, ignoreCase: true, out var type) && Enum.IsDefined(type) && !char.IsAsciiDigit(value[0]))
        {
            return type;
        }

        errors.Add(new FieldError(ChangeRequestFields.Type, $"'{value}' is not a type of change: choose standard, normal or emergency."));
        return ChangeType.Normal;
    }

    private static Criticality? ReadCriticality(string? text, List<FieldError> errors)
    {
        if (Clean(text) is not { } value)
        {
            return null;
        }

        if (value.Length == 2 && char.ToUpperInvariant(value[0]) == 'C' && Enum.TryParse<Criticality>(value.ToUpperInvariant(), out var criticality) && Enum.IsDefined(criticality))
        {
            return criticality;
        }

        errors.Add(new FieldError(ChangeRequestFields.Criticality, $"'{value}' is not a criticality: choose C1 (most critical) to C4, or leave it out to derive it from the risk."));
        return null;
    }

    private static RiskAssessment ReadRisk(RiskBody? risk, bool causesDowntime, List<FieldError> errors)
    {
        int Score(RiskDimensionScale scale, int? value)
        {
            if (value is { } score)
            {
                return score;
            }

            errors.Add(new FieldError(scale.FieldKey, $"Score the {scale.Name.ToLowerInvariant()}: from 1 ({scale.Describe(1)}) to 4 ({scale.Describe(4)})."));
            return RiskDimensionScale.MinimumScore;
        }

        return new RiskAssessment(
            Score(RiskDimensionScale.BlastRadius, risk?.BlastRadius),
            Score(RiskDimensionScale.Reversibility, risk?.Reversibility),
            Score(RiskDimensionScale.Confidence, risk?.Confidence),
            Score(RiskDimensionScale.Timing, risk?.Timing),
            causesDowntime);
    }

    private static DateTimeOffset ReadStart(string? text, DateTimeOffset now, List<FieldError> errors)
    {
        if (Clean(text) is not { } value)
        {
            errors.Add(new FieldError(ChangeRequestFields.PlannedStart, "Pick the planned start: when the change begins."));
            return now;
        }

        // An offset is required: a bare local time would mean a different moment on every server.
        if (IsoWithOffset().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return start.ToUniversalTime();
        }

        errors.Add(new FieldError(ChangeRequestFields.PlannedStart, $"'{value}' is not a time: write it in ISO 8601 with its offset, e.g. 2026-12-02T03:00:00Z."));
        return now;
    }

    private static TimeSpan ReadDuration(string? text, List<FieldError> errors)
    {
        if (DurationText.TryParse(text, out var duration, out var error))
        {
            return duration;
        }

        errors.Add(new FieldError(ChangeRequestFields.EstimatedDuration, error));
        return TimeSpan.Zero;
    }

    private static List<RolloutStageDefinition> ReadStages(IReadOnlyList<RolloutStageBody>? stages, IReadOnlyList<RolloutStageDefinition> defaults, List<FieldError> errors)
    {
        if (stages is null || stages.Count == 0)
        {
            return [.. defaults];
        }

        var read = new List<RolloutStageDefinition>();
        for (var index = 0; index < stages.Count; index++)
        {
            var stage = stages[index];
            var label = string.Create(CultureInfo.InvariantCulture, $"Stage {index + 1}");
            if (stage is null || Clean(stage.Name) is not { } name || stage.Percent is not { } percent)
            {
                errors.Add(new FieldError(ChangeRequestFields.RolloutStages, $"{label} needs a name, a percentage and a monitoring time, like \"canary 5% 15m\"."));
                continue;
            }

            if (!DurationText.TryParse(stage.MinimumMonitoring, out var monitoring, out var why))
            {
                errors.Add(new FieldError(ChangeRequestFields.RolloutStages, $"{label} ({name}): {why}"));
                continue;
            }

            read.Add(new RolloutStageDefinition(name, percent, monitoring));
        }

        return read;
    }

    private static List<string> Items(IReadOnlyList<string>? items) =>
        [.. (items ?? []).Select(item => item?.Trim() ?? string.Empty).Where(item => item.Length > 0)];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffset();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
