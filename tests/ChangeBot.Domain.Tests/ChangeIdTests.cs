using ChangeBot.Domain;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Domain.Tests;

public class ChangeIdTests
{
    [Theory]
    [InlineData("CR-2026-0451", 2026, 451)]
    [InlineData("cr-2026-0001", 2026, 1)]
    [InlineData(" CR-2027-12345 ", 2027, 12345)]
    public void Parse_WellFormedId_ReadsYearAndNumber(string text, int year, int number)
    {
        var id = ChangeId.Parse(text);

        Assert.Equal(year, id.Year);
        Assert.Equal(number, id.Number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("CR-26-0451")]
    [InlineData("CR-2026-451")]
    [InlineData("CR-2026-0000")]
    [InlineData("CH-2026-0451")]
    [InlineData("CR-2026-04a1")]
    [InlineData("CR-2026")]
    public void Parse_MalformedId_SaysWhatIsExpected(string text)
    {
        var error = Assert.Throws<DomainException>(() => ChangeId.Parse(text));

        Assert.Contains("CR-YYYY-NNNN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_PadsTheNumberToFourDigits()
    {
        Assert.Equal("CR-2026-0007", ChangeId.Create(2026, 7).ToString());
        Assert.Equal("CR-2026-10000", ChangeId.Create(2026, 10000).ToString());
    }
}
