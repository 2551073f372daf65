namespace ChangeBot.Domain.Policy;

/// <summary>The names exception categories have in the policy file, the API and messages.</summary>
public static class ExceptionCategoryText
{
    private static readonly Dictionary<string, ExceptionCategory> ByKey = new(StringComparer.OrdinalIgnoreCase)
    {
        ["security-patch-critical"] = ExceptionCategory.SecurityPatchCritical,
        ["security-patch-high"] = ExceptionCategory.SecurityPatchHigh,
        ["active-incident-fix"] = ExceptionCategory.ActiveIncidentFix,
    };

    public static IReadOnlyCollection<string> Keys => ByKey.Keys;

    public static string Key(ExceptionCategory category) => category switch
    {
        ExceptionCategory.SecurityPatchCritical => "security-patch-critical",
        ExceptionCategory.SecurityPatchHigh => "security-patch-high",
        ExceptionCategory.ActiveIncidentFix => "active-incident-fix",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown exception category."),
    };

    public static string Describe(ExceptionCategory category) => category switch
    {
        ExceptionCategory.SecurityPatchCritical => "a security patch rated critical",
        ExceptionCategory.SecurityPatchHigh => "a security patch rated high",
        ExceptionCategory.ActiveIncidentFix => "a fix for an active incident",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown exception category."),
    };

    public static bool TryParse(string? text, out ExceptionCategory category) =>
        ByKey.TryGetValue(text?.Trim() ?? string.Empty, out category);
}
