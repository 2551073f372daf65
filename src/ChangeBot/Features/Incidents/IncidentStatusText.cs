namespace ChangeBot.Features.Incidents;

/// <summary>The <c>status</c> column and API field: <c>active</c> or <c>resolved</c>.</summary>
public static class IncidentStatusText
{
    public const string Active = "active";
    public const string Resolved = "resolved";

    public static string Of(bool isActive) => isActive ? Active : Resolved;
}
