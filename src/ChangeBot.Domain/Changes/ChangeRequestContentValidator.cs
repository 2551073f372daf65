using System.Globalization;
using ChangeBot.Domain.Risk;
using ChangeBot.Domain.Rollout;

namespace ChangeBot.Domain.Changes;

/// <summary>
/// The rules behind <see cref="ChangeRequestContent.Validate"/>. Input may come from JSON, so nothing here trusts
/// the nullable annotations: a missing list or string is reported, never dereferenced.
/// </summary>
internal sealed class ChangeRequestContentValidator
{
    internal const int TitleMaxLength = 150;

    /// <summary>Slack's plain_text_input holds at most 3000 characters; longer plans could not be edited in the modal.</summary>
    internal const int TextMaxLength = 3000;

    internal const int ItemMaxLength = 500;
    internal const int MaxItems = 50;

    internal static readonly TimeSpan MaxEstimatedDuration = TimeSpan.FromDays(7);

    /// <summary>Slack's date-time picker has minute precision; a start picked for "now" arrives slightly in the past.</summary>
    internal static readonly TimeSpan PlannedStartGrace = TimeSpan.FromMinutes(5);

    internal static readonly TimeSpan MaxStageMonitoring = TimeSpan.FromDays(1);
    internal static readonly TimeSpan MaxTriggerTime = TimeSpan.FromDays(1);

    private readonly ChangeRequestContent _content;
    private readonly string _requester;
    private readonly DateTimeOffset _now;
    private readonly IReadOnlyList<RolloutStageDefinition>? _stageMinimums;
    private readonly List<FieldError> _errors = [];
    private readonly List<FieldError> _warnings = [];

    internal ChangeRequestContentValidator(
        ChangeRequestContent content,
        string requester,
        DateTimeOffset now,
        IReadOnlyList<RolloutStageDefinition>? stageMinimums)
    {
        _content = content;
        _requester = requester;
        _now = now;
        _stageMinimums = stageMinimums;
    }

    internal ContentValidation Run()
    {
        CheckTitle();
        CheckType();
        var criticality = CheckRiskAndCriticality();
        CheckEnvironment();
        CheckServices();
        CheckExecutor();
        CheckText(ChangeRequestFields.ImplementationPlan, _content.ImplementationPlan, "An implementation plan is required: list the steps the executor will follow.", "implementation plan");
        CheckText(ChangeRequestFields.RollbackPlan, _content.RollbackPlan, "A rollback plan is required before a change can be submitted.", "rollback plan");
        CheckRollbackTriggers();
        CheckChecks(ChangeRequestFields.PreflightChecks, _content.PreflightChecks, "pre-flight check", "Add at least one pre-flight check: what must be true for this change to run safely? Every change has them, without exception.");
        CheckChecks(ChangeRequestFields.PostChecks, _content.PostChecks, "post-verification check", "Add at least one post-verification check: how will you prove the change worked? Every change has them, without exception.");
        CheckPlannedStart();
        CheckEstimatedDuration();
        CheckRolloutStages();
        CheckOptionalUrl(ChangeRequestFields.DryRunLink, _content.DryRunLink, "The dry-run link");
        CheckLinks();
        CheckChangeTeam(criticality);
        CheckTypeSpecifics(criticality);
        return new ContentValidation(_errors, _warnings);
    }

    private void Error(string field, string message) => _errors.Add(new FieldError(field, message));

    private void Warning(string field, string message) => _warnings.Add(new FieldError(field, message));

    private void CheckTitle()
    {
        var title = _content.Title?.Trim() ?? string.Empty;
        if (title.Length == 0)
        {
            Error(ChangeRequestFields.Title, "A title is required: say in a few words what changes, e.g. \"Upgrade Redis cluster from 7.0 to 7.2\".");
        }
        else if (title.Length > TitleMaxLength)
        {
            Error(ChangeRequestFields.Title, Invariant($"The title is {title.Length} characters; keep it to {TitleMaxLength} and put the detail in the implementation plan."));
        }
    }

    private void CheckType()
    {
        if (!Enum.IsDefined(_content.Type))
        {
            Error(ChangeRequestFields.Type, "Choose the type of change: standard, normal or emergency.");
        }
    }

    private Criticality? CheckRiskAndCriticality()
    {
        if (_content.Risk is null)
        {
            Error(ChangeRequestFields.RiskBlastRadius, "Score the change's risk on all four dimensions: blast radius, reversibility, confidence and timing.");
            return null;
        }

        _errors.AddRange(_content.Risk.Validate());
        if (_content.Criticality is { } chosen && !Enum.IsDefined(chosen))
        {
            Error(ChangeRequestFields.Criticality, "Choose a criticality from C1 (most critical) to C4.");
            return null;
        }

        if (!_content.Risk.IsValid)
        {
            return _content.Criticality;
        }

        var minimum = _content.Risk.MinimumCriticality;
        if (_content.Criticality is { } requested && requested > minimum)
        {
            var why = _content.Risk.CausesDowntime
                ? "a change that causes downtime is always C1"
                : Invariant($"its risk is {_content.Risk.Describe()}");
            var choices = minimum == Criticality.C1 ? "C1" : Invariant($"{minimum} or more critical");
            Error(ChangeRequestFields.Criticality, Invariant($"This change can't be {requested}: {why}, so it is at least {minimum}. Choose {choices}."));
            return minimum;
        }

        return _content.EffectiveCriticality;
    }

    private void CheckEnvironment()
    {
        var environment = _content.Environment?.Trim() ?? string.Empty;
        if (environment.Length == 0)
        {
            Error(ChangeRequestFields.Environment, "Name the environment the change touches, e.g. production or staging.");
        }
        else if (environment.Length > 64 || environment.Any(char.IsWhiteSpace))
        {
            Error(ChangeRequestFields.Environment, "An environment is one word of at most 64 characters, e.g. production or staging.");
        }
    }

    private void CheckServices()
    {
        var services = _content.Services ?? [];
        if (services.Count == 0 || services.All(string.IsNullOrWhiteSpace))
        {
            Error(ChangeRequestFields.Services, "Name at least one affected service, e.g. redis-cluster-primary.");
            return;
        }

        if (services.Count > MaxItems)
        {
            Error(ChangeRequestFields.Services, Invariant($"{services.Count} services is more than {MaxItems}; split the change or name the shared component."));
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in services)
        {
            var service = raw?.Trim() ?? string.Empty;
            if (service.Length == 0)
            {
                Error(ChangeRequestFields.Services, "One of the services is blank; remove it or name it.");
            }
            else if (service.IndexOfAny(['*', '?']) >= 0)
            {
                Error(ChangeRequestFields.Services, $"Name each service: '{service}' is a wildcard, and changes avoid wildcard globbing.");
            }
            else if (service.Length > 100 || service.Any(char.IsWhiteSpace))
            {
                Error(ChangeRequestFields.Services, $"'{Shorten(service)}' is not a service name: one word per service, at most 100 characters.");
            }
            else if (!seen.Add(service))
            {
                Error(ChangeRequestFields.Services, $"'{service}' is listed twice; list each service once.");
            }
        }
    }

    private void CheckExecutor()
    {
        var executor = _content.Executor?.Trim() ?? string.Empty;
        if (executor.Length == 0)
        {
            Error(ChangeRequestFields.Executor, "Choose who will execute the change.");
            return;
        }

        if (string.Equals(executor, _requester?.Trim(), StringComparison.Ordinal))
        {
            Warning(ChangeRequestFields.Executor, "You are both planning and executing this change; ideally the planner and the executor are different people.");
        }
    }

    private void CheckText(string field, string? text, string requiredMessage, string name)
    {
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0)
        {
            Error(field, requiredMessage);
        }
        else if (value.Length > TextMaxLength)
        {
            Error(field, Invariant($"The {name} is {value.Length} characters; shorten it to {TextMaxLength} or link to a document that holds the detail."));
        }
    }

    private void CheckChecks(string field, IReadOnlyList<string>? checks, string name, string requiredMessage)
    {
        var items = checks ?? [];
        if (items.Count == 0 || items.All(string.IsNullOrWhiteSpace))
        {
            Error(field, requiredMessage);
            return;
        }

        if (items.Count > MaxItems)
        {
            Error(field, Invariant($"{items.Count} {name}s is more than {MaxItems}; group them or link to a runbook."));
        }

        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index]?.Trim() ?? string.Empty;
            if (item.Length == 0)
            {
                Error(field, Invariant($"{Capitalise(name)} {index + 1} is blank; describe it or remove it."));
            }
            else if (item.Length > ItemMaxLength)
            {
                Error(field, Invariant($"{Capitalise(name)} {index + 1} is {item.Length} characters; keep each to {ItemMaxLength}."));
            }
        }
    }

    private void CheckRollbackTriggers()
    {
        var triggers = _content.RollbackTriggers ?? [];
        if (triggers.Count == 0)
        {
            const string Why = "Add at least one rollback trigger: a condition, decided now, that means \"roll back without debate\" (e.g. error rate above 5% for 2 minutes).";
            if (_content.Type == ChangeType.Emergency)
            {
                Warning(ChangeRequestFields.RollbackTriggers, Why);
            }
            else
            {
                Error(ChangeRequestFields.RollbackTriggers, Why);
            }

            return;
        }

        if (triggers.Count > MaxItems)
        {
            Error(ChangeRequestFields.RollbackTriggers, Invariant($"{triggers.Count} rollback triggers is more than {MaxItems}; keep the ones that decide."));
        }

        for (var index = 0; index < triggers.Count; index++)
        {
            CheckRollbackTrigger(Invariant($"Rollback trigger {index + 1}"), triggers[index]);
        }
    }

    private void CheckRollbackTrigger(string name, RollbackTrigger? trigger)
    {
        const string Field = ChangeRequestFields.RollbackTriggers;
        if (trigger is null)
        {
            Error(Field, $"{name} is empty; describe it or remove it.");
            return;
        }

        if (!Enum.IsDefined(trigger.Kind))
        {
            Error(Field, $"{name} needs a kind: immediate, time-bounded or manual review.");
            return;
        }

        var description = trigger.Description?.Trim() ?? string.Empty;
        if (description.Length == 0)
        {
            Error(Field, $"{name} needs a description a person can read, e.g. \"Error rate exceeds 5% for 2 consecutive minutes\".");
        }
        else if (description.Length > ItemMaxLength)
        {
            Error(Field, Invariant($"{name}'s description is {description.Length} characters; keep it to {ItemMaxLength}."));
        }

        if (trigger.Kind == RollbackTriggerKind.TimeBounded)
        {
            if (trigger.Window is not { } window || window <= TimeSpan.Zero)
            {
                Error(Field, $"{name} is time-bounded, so it needs a window: how long after the deployment completes to watch it, e.g. 15m.");
            }
            else if (window > MaxTriggerTime)
            {
                Error(Field, $"{name}'s window of {DurationText.Format(window)} is longer than a day; a change is not watched that long.");
            }
        }
        else if (trigger.Window is not null)
        {
            Error(Field, $"{name} has a window, but only time-bounded triggers have one; make it time-bounded or remove the window.");
        }

        if (trigger.Metric is { } metric)
        {
            if (trigger.Kind == RollbackTriggerKind.ManualReview)
            {
                Error(Field, $"{name} is for manual review, which a person judges; put its PromQL on an immediate or time-bounded trigger instead.");
            }

            CheckMetric(name, metric);
        }
    }

    private void CheckMetric(string name, MetricCondition metric)
    {
        const string Field = ChangeRequestFields.RollbackTriggers;
        var promQl = metric.PromQl?.Trim() ?? string.Empty;
        if (promQl.Length == 0)
        {
            Error(Field, $"{name} has a metric without a PromQL expression; write the query, e.g. sum(rate(http_requests_total{{code=~\"5..\"}}[1m])) / sum(rate(http_requests_total[1m])).");
        }
        else if (promQl.Length > TextMaxLength)
        {
            Error(Field, Invariant($"{name}'s PromQL is {promQl.Length} characters; keep it to {TextMaxLength} (a recording rule helps)."));
        }

        if (!Enum.IsDefined(metric.Comparison))
        {
            Error(Field, $"{name} must say whether it fires above or below its threshold.");
        }

        if (!double.IsFinite(metric.Threshold))
        {
            Error(Field, $"{name}'s threshold must be a number.");
        }

        if (metric.For < TimeSpan.Zero || metric.For > MaxTriggerTime)
        {
            Error(Field, $"{name}'s \"for\" duration must be between 0 (a single sample) and a day.");
        }
    }

    private void CheckPlannedStart()
    {
        // Emergency changes are documented after the fact (seed 1), so their start may already be behind us.
        if (_content.Type != ChangeType.Emergency && _content.PlannedStart < _now - PlannedStartGrace)
        {
            Error(ChangeRequestFields.PlannedStart, Invariant($"The planned start ({_content.PlannedStart.UtcDateTime:yyyy-MM-dd HH:mm} UTC) is in the past; choose a time from now on."));
        }
    }

    private void CheckEstimatedDuration()
    {
        var duration = _content.EstimatedDuration;
        if (duration <= TimeSpan.Zero)
        {
            Error(ChangeRequestFields.EstimatedDuration, "Estimate how long the change takes, e.g. 45m or 1h30m.");
        }
        else if (duration > MaxEstimatedDuration)
        {
            Error(ChangeRequestFields.EstimatedDuration, Invariant($"An estimated duration of {DurationText.Format(duration)} is longer than {MaxEstimatedDuration.Days} days; split the change into smaller ones."));
        }
    }

    private void CheckRolloutStages()
    {
        const string Field = ChangeRequestFields.RolloutStages;
        var stages = _content.RolloutStages ?? [];
        if (stages.Count == 0)
        {
            Error(Field, "A change needs at least one rollout stage; the default is canary 5%, limited 25%, broad 50%, full 100%.");
            return;
        }

        if (stages.Count > 10)
        {
            Error(Field, Invariant($"{stages.Count} rollout stages is more than 10; merge some."));
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var previousPercent = 0;
        for (var index = 0; index < stages.Count; index++)
        {
            var stage = stages[index];
            var label = Invariant($"Stage {index + 1}");
            if (stage is null)
            {
                Error(Field, $"{label} is empty; describe it or remove it.");
                continue;
            }

            var name = stage.Name?.Trim() ?? string.Empty;
            if (name.Length == 0 || name.Length > 40)
            {
                Error(Field, $"{label} needs a name of at most 40 characters, e.g. canary.");
            }
            else if (!names.Add(name))
            {
                Error(Field, $"Two stages are called '{name}'; give each stage its own name.");
            }
            else
            {
                label = $"The {name} stage";
            }

            if (stage.Percent is < 1 or > 100)
            {
                Error(Field, Invariant($"{label} reaches {stage.Percent}%; a stage reaches between 1% and 100%."));
            }
            else if (stage.Percent <= previousPercent)
            {
                Error(Field, Invariant($"{label} reaches {stage.Percent}%, no more than the stage before it ({previousPercent}%); each stage must reach further."));
            }

            previousPercent = Math.Max(previousPercent, stage.Percent);
            if (stage.MinimumMonitoring < TimeSpan.Zero || stage.MinimumMonitoring > MaxStageMonitoring)
            {
                Error(Field, $"{label}'s monitoring time must be between 0 and a day.");
            }
            else
            {
                CheckStageAgainstPolicy(label, stage);
            }
        }

        if (stages[^1] is { Percent: not 100 } last && last.Percent is >= 1 and <= 100)
        {
            Error(Field, Invariant($"The last stage reaches {last.Percent}%; a rollout ends at 100%."));
        }
    }

    private void CheckStageAgainstPolicy(string label, RolloutStageDefinition stage)
    {
        var minimum = _stageMinimums?.FirstOrDefault(candidate =>
            string.Equals(candidate.Name, stage.Name?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (minimum is not null && stage.MinimumMonitoring < minimum.MinimumMonitoring)
        {
            Error(ChangeRequestFields.RolloutStages, $"{label} is monitored for {DurationText.Format(stage.MinimumMonitoring)}, less than the policy's minimum of {DurationText.Format(minimum.MinimumMonitoring)}.");
        }
    }

    private void CheckOptionalUrl(string field, string? url, string name)
    {
        if (!string.IsNullOrWhiteSpace(url) && !IsWebUrl(url))
        {
            Error(field, $"{name} must be a web address starting with http:// or https://; '{Shorten(url.Trim())}' is not.");
        }
    }

    private void CheckLinks()
    {
        var links = _content.Links ?? [];
        if (links.Count > MaxItems)
        {
            Error(ChangeRequestFields.Links, Invariant($"{links.Count} links is more than {MaxItems}; keep the ones reviewers need."));
        }

        for (var index = 0; index < links.Count; index++)
        {
            var link = links[index];
            if (link is null || !Enum.IsDefined(link.Kind))
            {
                Error(ChangeRequestFields.Links, Invariant($"Link {index + 1} needs a kind (dashboard, issue, runbook or other) and an address."));
            }
            else if (!IsWebUrl(link.Url))
            {
                Error(ChangeRequestFields.Links, Invariant($"Link {index + 1} must be a web address starting with http:// or https://; '{Shorten(link.Url?.Trim() ?? string.Empty)}' is not."));
            }
        }
    }

    private void CheckChangeTeam(Criticality? criticality)
    {
        if (criticality is not (Criticality.C1 or Criticality.C2))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(_content.EventManager))
        {
            Error(ChangeRequestFields.EventManager, Invariant($"A {criticality} change needs an event manager (EMOC) to lead it."));
        }

        if (_content.Type == ChangeType.Normal && string.IsNullOrWhiteSpace(_content.CommunicationsManager))
        {
            Error(ChangeRequestFields.CommunicationsManager, Invariant($"A {criticality} maintenance change needs a communications manager (CMOC) to keep stakeholders informed."));
        }

        if (string.IsNullOrWhiteSpace(_content.BridgeLink))
        {
            Error(ChangeRequestFields.BridgeLink, Invariant($"A {criticality} change needs a change bridge: add the link to its video call."));
        }
        else
        {
            CheckOptionalUrl(ChangeRequestFields.BridgeLink, _content.BridgeLink, "The bridge link");
        }
    }

    private void CheckTypeSpecifics(Criticality? criticality)
    {
        var template = _content.StandardTemplate?.Trim() ?? string.Empty;
        if (_content.Type == ChangeType.Standard)
        {
            if (template.Length == 0)
            {
                Error(ChangeRequestFields.StandardTemplate, "A standard change follows a template: name it.");
            }

            // Standard changes skip per-instance approval, so anything riskier than low must go through review.
            if (_content.Risk is { IsValid: true } risk && risk.Level != RiskLevel.Low)
            {
                Error(ChangeRequestFields.Type, Invariant($"A standard change must be low risk, and this one is {risk.Describe()}; file it as a normal change."));
            }
            else if (criticality is Criticality.C1 or Criticality.C2)
            {
                Error(ChangeRequestFields.Type, Invariant($"A standard change can't be {criticality}; file it as a normal change."));
            }
        }
        else if (template.Length > 0)
        {
            Error(ChangeRequestFields.StandardTemplate, "Only standard changes follow a template; clear the template or make the change standard.");
        }

        if (_content.Type == ChangeType.Emergency && string.IsNullOrWhiteSpace(_content.IncidentId))
        {
            Warning(ChangeRequestFields.IncidentId, "Link the incident this emergency change fixes; only a linked fix may start during an active incident.");
        }
    }

    internal static bool IsWebUrl(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    private static string Capitalise(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
