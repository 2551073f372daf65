using System.Text.Json;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Tests.Changes;

/// <summary>
/// The HTTP API reads content from JSON and the repository may store revisions as JSON: the records must survive
/// System.Text.Json with its web defaults, and missing required fields must fail at the boundary, not later.
/// </summary>
public class ContentJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Content_RoundTripsThroughJson()
    {
        var content = ContentBuilder.WithRisk(ContentBuilder.RiskScoring(12)) with
        {
            DryRunLink = "https://ci.example.com/dry-run/1",
            Links = [new ChangeLink(ChangeLinkKind.Dashboard, "https://grafana.example.com/d/redis", "Redis")],
        };

        var copy = JsonSerializer.Deserialize<ChangeRequestContent>(JsonSerializer.Serialize(content, Web), Web);

        Assert.Equal(content, copy);
    }

    [Fact]
    public void Content_JsonFieldNames_AreTheValidationFieldKeys()
    {
        var json = JsonSerializer.SerializeToElement(ContentBuilder.WithRisk(ContentBuilder.RiskScoring(12)), Web);

        foreach (var key in new[]
        {
            ChangeRequestFields.Title, ChangeRequestFields.Type, ChangeRequestFields.Environment, ChangeRequestFields.Services,
            ChangeRequestFields.Executor, ChangeRequestFields.ImplementationPlan, ChangeRequestFields.RollbackPlan,
            ChangeRequestFields.RollbackTriggers, ChangeRequestFields.PreflightChecks, ChangeRequestFields.PostChecks,
            ChangeRequestFields.PlannedStart, ChangeRequestFields.EstimatedDuration, ChangeRequestFields.RolloutStages,
            ChangeRequestFields.DryRunLink, ChangeRequestFields.Links, ChangeRequestFields.EventManager,
            ChangeRequestFields.CommunicationsManager, ChangeRequestFields.BridgeLink, ChangeRequestFields.IncidentId,
            ChangeRequestFields.StandardTemplate, ChangeRequestFields.Criticality,
        })
        {
            Assert.True(json.TryGetProperty(key, out _), $"no JSON property '{key}'");
        }

        var risk = json.GetProperty("risk");
        foreach (var key in new[] { ChangeRequestFields.RiskBlastRadius, ChangeRequestFields.RiskReversibility, ChangeRequestFields.RiskConfidence, ChangeRequestFields.RiskTiming, ChangeRequestFields.RiskCausesDowntime })
        {
            Assert.True(risk.TryGetProperty(key["risk.".Length..], out _), $"no JSON property '{key}'");
        }
    }

    [Fact]
    public void Content_MissingRequiredField_FailsAtTheBoundary()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ChangeRequestContent>("""{"title":"x"}""", Web));

        Assert.Contains("'services'", error.Message, StringComparison.Ordinal);
    }
}
