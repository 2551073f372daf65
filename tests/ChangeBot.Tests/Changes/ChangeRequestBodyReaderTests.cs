using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Rollout;
using ChangeBot.Features.Intake;

namespace ChangeBot.Tests.Changes;

/// <summary>Reading a filed body: every problem named once, on the field a person fixes.</summary>
public sealed class ChangeRequestBodyReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_EmptyBody_NamesEveryRequiredFieldOnce()
    {
        var reading = ChangeRequestBodyReader.Read(new ChangeRequestBody(), "U0ALICE", Now, RolloutStageDefinition.Defaults);

        var fields = reading.Errors.Select(error => error.Field).ToList();
        Assert.Equal(fields.Distinct().Count(), fields.Count);
        Assert.Superset(
            new HashSet<string>
            {
                ChangeRequestFields.Title, ChangeRequestFields.Type, ChangeRequestFields.RiskBlastRadius, ChangeRequestFields.RiskTiming,
                ChangeRequestFields.Environment, ChangeRequestFields.Services, ChangeRequestFields.Executor, ChangeRequestFields.RollbackPlan,
                ChangeRequestFields.PlannedStart, ChangeRequestFields.EstimatedDuration, ChangeRequestFields.PreflightChecks, ChangeRequestFields.PostChecks,
            },
            fields.ToHashSet());
    }

    [Theory]
    [InlineData("2026-12-02T03:00:00", "is not a time")]
    [InlineData("tomorrow", "is not a time")]
    [InlineData("2026-12-02 03:00Z", "is not a time")]
    public void Read_StartWithoutAnOffset_Refused(string start, string message)
    {
        var reading = ChangeRequestBodyReader.Read(new ChangeRequestBody { PlannedStart = start }, "U0ALICE", Now, RolloutStageDefinition.Defaults);

        Assert.Contains(reading.Errors, error => error.Field == ChangeRequestFields.PlannedStart && error.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_StartWithOffset_IsThatMomentInUtc()
    {
        var reading = ChangeRequestBodyReader.Read(new ChangeRequestBody { PlannedStart = "2026-12-02T04:00:00+01:00" }, "U0ALICE", Now, RolloutStageDefinition.Defaults);

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 3, 0, 0, TimeSpan.Zero), reading.Content.PlannedStart);
        Assert.DoesNotContain(reading.Errors, error => error.Field == ChangeRequestFields.PlannedStart);
    }

    [Fact]
    public void StageLines_PolicyDefaultsAsText_ReadBackToTheSameStages()
    {
        var text = ChangeRequestBodyReader.StagesText(RolloutStageDefinition.Defaults);
        var body = new ChangeRequestBody { RolloutStages = ChangeRequestBodyReader.StageLines(text) };

        var reading = ChangeRequestBodyReader.Read(body, "U0ALICE", Now, RolloutStageDefinition.Defaults);

        Assert.Equal(RolloutStageDefinition.Defaults, reading.Content.RolloutStages);
        Assert.Equal("canary 5% 15m\nlimited 25% 15m\nbroad 50% 15m\nfull 100% 1h", text);
    }

    [Fact]
    public void Read_StageWithoutMonitoringTime_NamesTheStage()
    {
        var body = new ChangeRequestBody { RolloutStages = ChangeRequestBodyReader.StageLines("canary 5%\nfull 100% 1h") };

        var reading = ChangeRequestBodyReader.Read(body, "U0ALICE", Now, RolloutStageDefinition.Defaults);

        Assert.Contains(reading.Errors, error => error.Field == ChangeRequestFields.RolloutStages && error.Message.StartsWith("Stage 1 (canary)", StringComparison.Ordinal));
    }
}
