using System.Diagnostics.CodeAnalysis;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Changes;

/// <summary>
/// Reads the arguments of a <c>/change</c> sub-command that acts on one change request: <c>CR-2026-0001 the rest</c>.
/// The refusal names the usage, so a user who typed it wrong sees what to type.
/// </summary>
public static class ChangeCommandText
{
    public static bool TryTakeChangeId(
        string arguments,
        string usage,
        out ChangeId id,
        out string rest,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        (var first, rest) = TakeWord(arguments);
        if (first.Length == 0)
        {
            id = default;
            error = $"Name the change request: `{usage}`.";
            return false;
        }

        if (!ChangeId.TryParse(first, out id))
        {
            error = $"'{first}' is not a change id: expected CR-YYYY-NNNN, for example `{usage}`.";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Splits off the first word of <paramref name="text"/>.</summary>
    public static (string Word, string Remainder) TakeWord(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var space = trimmed.IndexOfAny([' ', '\t', '\n']);
        return space < 0 ? (trimmed, string.Empty) : (trimmed[..space], trimmed[(space + 1)..].Trim());
    }
}
