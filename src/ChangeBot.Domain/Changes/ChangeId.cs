using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ChangeBot.Domain.Changes;

/// <summary>A change request id, <c>CR-YYYY-NNNN</c> (the number has at least four digits).</summary>
public readonly record struct ChangeId
{
    private ChangeId(int year, int number)
    {
        Year = year;
        Number = number;
    }

    public int Year { get; }

    public int Number { get; }

    public static ChangeId Create(int year, int number)
    {
        if (year is < 2000 or > 9999)
        {
            throw new DomainException($"A change id's year must be between 2000 and 9999, not {year}.");
        }

        if (number < 1)
        {
            throw new DomainException($"A change id's number must be 1 or more, not {number}.");
        }

        return new ChangeId(year, number);
    }

    public static ChangeId Parse(string text) =>
        TryParse(text, out var id)
            ? id
            : throw new DomainException($"'{text}' is not a change id: expected CR-YYYY-NNNN, for example CR-2026-0451.");

    public static bool TryParse([NotNullWhen(true)] string? text, out ChangeId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('-');
        if (parts.Length != 3 || !parts[0].Equals("CR", StringComparison.OrdinalIgnoreCase)
            || parts[1].Length != 4 || parts[2].Length < 4
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year < 2000 || number < 1)
        {
            return false;
        }

        id = new ChangeId(year, number);
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"CR-{Year:D4}-{Number:D4}");
}
