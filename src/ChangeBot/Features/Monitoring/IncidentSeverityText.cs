using System.Diagnostics.CodeAnalysis;

namespace ChangeBot.Features.Monitoring;

/// <summary>Reads "S1".."S4" (any case, surrounding spaces ignored).</summary>
public static class IncidentSeverityText
{
    public static bool TryParse([NotNullWhen(true)] string? text, out IncidentSeverity severity)
    {
        severity = default;
        var trimmed = text?.Trim();
        if (trimmed is not { Length: 2 } || trimmed[0] is not ('S' or 's') || trimmed[1] is < '1' or > '4')
        {
            return false;
        }

        severity = (IncidentSeverity)(trimmed[1] - '0');
        return true;
    }
}
