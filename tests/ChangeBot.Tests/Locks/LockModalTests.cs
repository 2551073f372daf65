using ChangeBot.Domain.Approvals;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Locks;
using ChangeBot.Slack.Payloads;
using ChangeBot.Testing.Slack;

namespace ChangeBot.Tests.Locks;

/// <summary>The lock form read back: the definition a user described, or an inline error on each wrong field.</summary>
public sealed class LockModalTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_AMonthlyBerlinFreeze_KeepsBerlinWallClockAndEveryField()
    {
        var (definition, errors) = LockModal.Read(View(LockKind.Freeze, Start, Start.AddDays(1), zone: "Europe/Berlin", recurrence: "monthly", strength: "hard", services: "checkout, payments", exceptions: ["security-patch-critical"], approver: "Director"));

        Assert.Empty(errors);
        Assert.NotNull(definition);
        Assert.Equal(LockKind.Freeze, definition.Kind);
        Assert.Equal(LockStrength.Hard, definition.Strength);
        Assert.Equal(new DateTime(2026, 3, 22, 9, 0, 0), definition.Start);
        Assert.Equal(LockRecurrence.Monthly, definition.Recurrence);
        Assert.Equal(["checkout", "payments"], definition.Services);
        Assert.Equal([ExceptionCategory.SecurityPatchCritical], definition.Exceptions);
        Assert.Equal(ApproverRole.Director, definition.ExceptionApprover);
        var occurrences = definition.ToChangeLock().Schedule.Occurrences(new TimeInterval(Start.AddDays(20), Start.AddDays(40)), definition.Zone).ToList();

        // After the switch to summer time the 22nd still begins at 09:00 in Berlin, 07:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 4, 22, 7, 0, 0, TimeSpan.Zero), Assert.Single(occurrences).Start);
    }

    [Theory]
    [InlineData(LockKind.Pcl)]
    [InlineData(LockKind.Freeze)]
    public void Render_EitherKind_KeepsSlacksViewRules(LockKind kind)
    {
        Assert.Null(SlackBlockRules.CheckView(LockModal.Render(kind).ToJson()));
    }

    [Fact]
    public void Read_UnknownZoneAndMissingEnd_AnErrorOnEachField()
    {
        var (definition, errors) = LockModal.Read(View(LockKind.Pcl, Start, end: null, zone: "Mars/Olympus"));

        Assert.Null(definition);
        Assert.Contains("not a time zone", errors[LockModal.TimeZone], StringComparison.Ordinal);
        Assert.Equal("Pick when the lock ends.", errors[LockModal.End]);
    }

    [Fact]
    public void Read_EndBeforeStartOrTooLongForAWeek_ErrorOnTheEnd()
    {
        var (_, backwards) = LockModal.Read(View(LockKind.Pcl, Start, Start.AddHours(-1)));
        var (_, tooLong) = LockModal.Read(View(LockKind.Pcl, Start, Start.AddDays(2), recurrence: "weekly"));

        Assert.Equal("The end must be after the start.", backwards[LockModal.End]);
        Assert.Equal("A weekly lock may last at most 24 hours.", tooLong[LockModal.End]);
    }

    [Fact]
    public void Read_BlankName_ErrorOnTheName()
    {
        var (_, errors) = LockModal.Read(View(LockKind.Pcl, Start, Start.AddHours(2), name: " -- "));

        Assert.Contains("name", errors[LockModal.Name], StringComparison.Ordinal);
    }

    private static SlackViewPayload View(
        LockKind kind,
        DateTimeOffset start,
        DateTimeOffset? end,
        string name = "Black Friday",
        string zone = "UTC",
        string recurrence = "none",
        string strength = "soft",
        string? services = null,
        string[]? exceptions = null,
        string approver = "Vpe")
    {
        static IReadOnlyDictionary<string, ElementValue> One(string id, ElementValue value) => new Dictionary<string, ElementValue> { [id] = value };
        static SelectedOption Option(string value) => new() { Value = value };
        var values = new Dictionary<string, IReadOnlyDictionary<string, ElementValue>>
        {
            [LockModal.Name] = One(LockModal.Name, new ElementValue { Type = "plain_text_input", Value = name }),
            [LockModal.Strength] = One(LockModal.Strength, new ElementValue { Type = "static_select", SelectedOption = Option(strength) }),
            [LockModal.Start] = One(LockModal.Start, new ElementValue { Type = "datetimepicker", SelectedDateTime = start.ToUnixTimeSeconds() }),
            [LockModal.End] = One(LockModal.End, new ElementValue { Type = "datetimepicker", SelectedDateTime = end?.ToUnixTimeSeconds() }),
            [LockModal.Recurrence] = One(LockModal.Recurrence, new ElementValue { Type = "static_select", SelectedOption = Option(recurrence) }),
            [LockModal.TimeZone] = One(LockModal.TimeZone, new ElementValue { Type = "plain_text_input", Value = zone }),
            [LockModal.Environments] = One(LockModal.Environments, new ElementValue { Type = "plain_text_input" }),
            [LockModal.Services] = One(LockModal.Services, new ElementValue { Type = "plain_text_input", Value = services }),
            [LockModal.Exceptions] = One(LockModal.Exceptions, new ElementValue { Type = "multi_static_select", SelectedOptions = [.. (exceptions ?? []).Select(Option)] }),
            [LockModal.ExceptionApprover] = One(LockModal.ExceptionApprover, new ElementValue { Type = "static_select", SelectedOption = Option(approver) }),
        };
        return new SlackViewPayload { Id = "V0LOCK", CallbackId = LockModal.CallbackId, PrivateMetadata = kind.ToString(), State = new ViewState { Values = values } };
    }
}
