using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ChangeBot.Domain.Changes;

/// <summary>
/// Durations as people type them in Slack and pipelines: "45m", "1h30m", "2h", "1d", "1h 30m", "45 minutes", or a bare
/// number of minutes ("90"). Units go from days to minutes, each at most once. <see cref="Format"/> writes the
/// short form back ("1h30m").
/// </summary>
public static class DurationText
{
    /// <summary>Beyond this nothing a change request holds makes sense; it also keeps the arithmetic far from overflow.</summary>
    public static readonly TimeSpan Largest = TimeSpan.FromDays(366);

    private const string Examples = "45m, 1h30m, 2h, 1d or 90 (minutes)";

    private static readonly (string[] Names, TimeSpan Unit)[] Units =
    [
        (["d", "day", "days"], TimeSpan.FromDays(1)),
        (["h", "hr", "hrs", "hour", "hours"], TimeSpan.FromHours(1)),
        (["m", "min", "mins", "minute", "minutes"], TimeSpan.FromMinutes(1)),
    ];

    public static TimeSpan Parse(string? text) =>
        TryParse(text, out var duration, out var error) ? duration : throw new DomainException(error);

    public static bool TryParse(string? text, out TimeSpan duration, [NotNullWhen(false)] out string? error)
    {
        duration = TimeSpan.Zero;
        error = null;
        var input = text?.Trim().ToLowerInvariant() ?? string.Empty;
        if (input.Length == 0)
        {
            error = $"A duration is required: write it like {Examples}.";
            return false;
        }

        if (input.All(char.IsAsciiDigit))
        {
            return TryTake(input, input, TimeSpan.FromMinutes(1), ref duration, out error);
        }

        var position = 0;
        var nextUnit = 0;
        while (position < input.Length)
        {
            var numberStart = position;
            while (position < input.Length && char.IsAsciiDigit(input[position]))
            {
                position++;
            }

            if (position == numberStart)
            {
                error = NotADuration(text!);
                return false;
            }

            var number = input[numberStart..position];
            while (position < input.Length && input[position] == ' ')
            {
                position++;
            }

            var unitStart = position;
            while (position < input.Length && char.IsAsciiLetter(input[position]))
            {
                position++;
            }

            var unitName = input[unitStart..position];
            var unitIndex = Array.FindIndex(Units, unit => unit.Names.Contains(unitName, StringComparer.Ordinal));
            if (unitIndex < 0)
            {
                error = unitName.Length == 0
                    ? $"'{text!.Trim()}' has a number without a unit after '{number}': write it like {Examples}."
                    : NotADuration(text!);
                return false;
            }

            if (unitIndex < nextUnit)
            {
                error = $"'{text!.Trim()}' repeats a unit or puts them out of order: write days, then hours, then minutes, like 1d2h30m.";
                return false;
            }

            if (!TryTake(text!, number, Units[unitIndex].Unit, ref duration, out error))
            {
                return false;
            }

            nextUnit = unitIndex + 1;
            while (position < input.Length && input[position] == ' ')
            {
                position++;
            }
        }

        return true;
    }

    /// <summary>
    /// The short form: "45m", "1h30m", "2h", "1d2h". Whole minutes round-trip through <see cref="Parse"/>; a part of
    /// a minute rounds up, because this is used for "wait 2m more" and saying less than the truth there invites a refusal.
    /// </summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A duration to format can't be negative.");
        }

        var totalMinutes = (long)Math.Ceiling(duration.TotalMinutes);
        if (totalMinutes == 0)
        {
            return "0m";
        }

        var days = totalMinutes / (24 * 60);
        var hours = totalMinutes / 60 % 24;
        var minutes = totalMinutes % 60;
        var text = new StringBuilder();
        if (days > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{days}d");
        }

        if (hours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{hours}h");
        }

        if (minutes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{minutes}m");
        }

        return text.ToString();
    }

    private static bool TryTake(string text, string number, TimeSpan unit, ref TimeSpan duration, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (number.Length > 7
            || !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || duration + (unit * count) > Largest)
        {
            error = $"'{text.Trim()}' is longer than anything a change request can hold (at most {Largest.Days} days).";
            return false;
        }

        duration += unit * count;
        return true;
    }

    private static string NotADuration(string text) =>
        $"'{text.Trim()}' is not a duration: write it like {Examples}.";
}
