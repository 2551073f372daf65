using System.Text.Json.Nodes;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Intake;

namespace ChangeBot.Tests.Workflow;

/// <summary>
/// The intake modal's <c>state.values</c> as Slack sends them on submit, starting from a valid medium-risk (C3) normal
/// change planned inside the window; tests change or blank the fields they are about.
/// </summary>
public sealed class IntakeFormValues
{
    private readonly Dictionary<string, JsonObject> _values = new(StringComparer.Ordinal);

    public IntakeFormValues()
    {
        Text(ChangeRequestFields.Title, "Upgrade Redis cluster from 7.0 to 7.2");
        Select(ChangeRequestFields.Type, "normal");
        Select(ChangeRequestFields.Criticality, null);
        Text(ChangeRequestFields.StandardTemplate, null);
        Text(ChangeRequestFields.Environment, "production");
        Text(ChangeRequestFields.Services, "redis-cluster-primary, session-cache");
        Risk(2, 2, 2, 1);
        _values[ChangeRequestFields.RiskCausesDowntime] = new JsonObject { ["type"] = "checkboxes", ["selected_options"] = new JsonArray() };
        Start(WorkflowHost.InWindow);
        Text(ChangeRequestFields.EstimatedDuration, "45m");
        User(ChangeRequestFields.Executor, WorkflowUsers.Executor);
        Text(ChangeRequestFields.ImplementationPlan, "1. Upgrade the replicas one by one\n2. Fail over\n3. Upgrade the old primary");
        Text(ChangeRequestFields.RollbackPlan, "Fail back to the 7.0 primary and restore the replicas from the snapshot taken before the start.");
        Text(ChangeRequestFields.RollbackTriggers, "Error rate exceeds 5% for 2 consecutive minutes");
        Text(ChangeRequestFields.PreflightChecks, "Replication lag under 1 s\nSnapshot taken in the last hour");
        Text(ChangeRequestFields.PostChecks, "p99 latency under 5 ms\nNo client reconnect storm");
        Text(ChangeRequestFields.RolloutStages, "canary 5% 15m\nlimited 25% 15m\nbroad 50% 15m\nfull 100% 1h");
        Url(ChangeRequestFields.DryRunLink, null);
        Text(ChangeRequestFields.IncidentId, null);
    }

    public IntakeFormValues Text(string field, string? value)
    {
        _values[field] = new JsonObject { ["type"] = "plain_text_input", ["value"] = value };
        return this;
    }

    public IntakeFormValues Url(string field, string? value)
    {
        _values[field] = new JsonObject { ["type"] = "url_text_input", ["value"] = value };
        return this;
    }

    public IntakeFormValues Select(string field, string? value)
    {
        _values[field] = new JsonObject
        {
            ["type"] = "static_select",
            ["selected_option"] = value is null ? null : new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value }, ["value"] = value },
        };
        return this;
    }

    public IntakeFormValues User(string field, string? user)
    {
        _values[field] = new JsonObject { ["type"] = "users_select", ["selected_user"] = user };
        return this;
    }

    public IntakeFormValues Start(DateTimeOffset? at)
    {
        _values[ChangeRequestFields.PlannedStart] = new JsonObject { ["type"] = "datetimepicker", ["selected_date_time"] = at?.ToUnixTimeSeconds() };
        return this;
    }

    public IntakeFormValues Risk(int blastRadius, int reversibility, int confidence, int timing)
    {
        Select(ChangeRequestFields.RiskBlastRadius, blastRadius.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Select(ChangeRequestFields.RiskReversibility, reversibility.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Select(ChangeRequestFields.RiskConfidence, confidence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Select(ChangeRequestFields.RiskTiming, timing.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>High risk (score 11): a C2 maintenance change, announced in #production, with its change team.</summary>
    public IntakeFormValues HighRiskWithTeam()
    {
        Risk(3, 3, 3, 2);
        User(ChangeRequestFields.EventManager, WorkflowUsers.EventManager);
        User(ChangeRequestFields.CommunicationsManager, WorkflowUsers.CommunicationsManager);
        Url(ChangeRequestFields.BridgeLink, "https://meet.example.com/redis-upgrade");
        return this;
    }

    public JsonObject Build()
    {
        var values = new JsonObject();
        foreach (var (field, value) in _values)
        {
            values[field] = new JsonObject { [IntakeModal.ValueActionId] = value.DeepClone() };
        }

        return values;
    }
}
