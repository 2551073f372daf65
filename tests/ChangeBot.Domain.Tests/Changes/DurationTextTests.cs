using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Tests.Changes;

public class DurationTextTests
{
    [Theory]
    [InlineData("45m", 45)]
    [InlineData("1h30m", 90)]
    [InlineData("2h", 120)]
    [InlineData("90", 90)]
    [InlineData("1d", 1440)]
    [InlineData("1d2h30m", 1590)]
    [InlineData(" 1H 30M ", 90)]
    [InlineData("45 minutes", 45)]
    [InlineData("2 hours", 120)]
    [InlineData("1 day", 1440)]
    [InlineData("0", 0)]
    public void Parse_FormsPeopleType_ReadsTheDuration(string text, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), DurationText.Parse(text));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5h")]
    [InlineData("-5m")]
    [InlineData("5s")]
    [InlineData("h")]
    [InlineData("1w")]
    public void Parse_AnythingElse_SaysHowToWriteIt(string text)
    {
        var error = Assert.Throws<DomainException>(() => DurationText.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("1h30m", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1h2h")]
    [InlineData("30m1h")]
    public void Parse_RepeatedOrOutOfOrderUnits_SaysTheOrder(string text)
    {
        Assert.False(DurationText.TryParse(text, out _, out var error));

        Assert.Contains("days, then hours, then minutes", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_Nothing_SaysADurationIsRequired(string? text)
    {
        Assert.False(DurationText.TryParse(text, out _, out var error));

        Assert.StartsWith("A duration is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NumberWithoutUnitAfterAUnit_SaysWhichNumberLacksOne()
    {
        Assert.False(DurationText.TryParse("1h30", out _, out var error));

        Assert.Contains("without a unit after '30'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("367d")]
    [InlineData("99999999")]
    [InlineData("366d1m")]
    public void Parse_AbsurdlyLong_IsRefusedWithoutOverflow(string text)
    {
        Assert.False(DurationText.TryParse(text, out _, out var error));

        Assert.Contains("at most 366 days", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(45, "45m")]
    [InlineData(90, "1h30m")]
    [InlineData(120, "2h")]
    [InlineData(1440, "1d")]
    [InlineData(1590, "1d2h30m")]
    [InlineData(0, "0m")]
    public void Format_WritesTheShortForm(int minutes, string expected)
    {
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void Format_PartOfAMinute_RoundsUpSoAWaitIsNeverUnderstated()
    {
        Assert.Equal("1m", DurationText.Format(TimeSpan.FromSeconds(1)));
        Assert.Equal("15m", DurationText.Format(TimeSpan.FromMinutes(14) + TimeSpan.FromSeconds(59)));
    }

    [Theory]
    [InlineData("45m")]
    [InlineData("1h30m")]
    [InlineData("3d23h59m")]
    public void Format_RoundTripsThroughParse(string text)
    {
        Assert.Equal(text, DurationText.Format(DurationText.Parse(text)));
    }

    [Fact]
    public void Format_Negative_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationText.Format(TimeSpan.FromMinutes(-1)));
    }
}
