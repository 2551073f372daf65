using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using ChangeBot.Domain.Changes;
using ChangeBot.Domain.Policy;

namespace ChangeBot.Features.Incidents;

/// <summary>
/// Reads <c>POST /api/v1/incidents</c>: <c>{"id","severity":"S1".."S4","status":"active"|"resolved","title"}</c>,
/// naming every bad field at once so a caller fixes them in one go.
/// </summary>
public static class IncidentBody
{
    public const int MaxIdLength = 100;
    public const int MaxTitleLength = 300;

    public static bool TryRead(string? body, [NotNullWhen(true)] out IncidentReport? report, out IReadOnlyList<FieldError> errors)
    {
        report = null;
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "null" : body);
        }
        catch (JsonException e)
        {
            errors = [new FieldError("body", $"The body is not JSON ({e.Message}); send {{\"id\",\"severity\",\"status\",\"title\"}}.")];
            return false;
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors = [new FieldError("body", "Send the incident as a JSON object: {\"id\":\"INC-42\",\"severity\":\"S1\",\"status\":\"active\",\"title\":\"Checkout is down\"}.")];
                return false;
            }

            var found = new List<FieldError>();
            var id = Text(root, "id");
            if (string.IsNullOrWhiteSpace(id) || id.Trim().Length > MaxIdLength || id.Any(char.IsWhiteSpace))
            {
                found.Add(new FieldError("id", $"Give the incident's id from your incident tool: one word of at most {MaxIdLength} characters, e.g. INC-42."));
            }

            var severityText = Text(root, "severity");
            var severity = default(IncidentSeverity);
            if (severityText is not { Length: 2 } || !Enum.TryParse(severityText, ignoreCase: true, out severity) || !Enum.IsDefined(severity))
            {
                found.Add(new FieldError("severity", $"severity must be S1, S2, S3 or S4, not {Quoted(severityText)}."));
            }

            var status = Text(root, "status")?.Trim().ToLowerInvariant();
            if (status is not (IncidentStatusText.Active or IncidentStatusText.Resolved))
            {
                found.Add(new FieldError("status", $"status must be \"active\" or \"resolved\", not {Quoted(Text(root, "status"))}."));
            }

            var title = Text(root, "title");
            if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitleLength)
            {
                found.Add(new FieldError("title", $"Give the incident a title of 1 to {MaxTitleLength} characters: what is broken, for the people in #change."));
            }

            foreach (var unknown in root.EnumerateObject().Select(p => p.Name).Where(name => name is not ("id" or "severity" or "status" or "title")))
            {
                found.Add(new FieldError(unknown, $"\"{unknown}\" is not an incident field: use id, severity, status and title."));
            }

            errors = found;
            if (found.Count > 0)
            {
                return false;
            }

            report = new IncidentReport(id!.Trim(), severity, status == IncidentStatusText.Active, title!.Trim());
            return true;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    private static string Quoted(string? value) => value is null ? "missing" : $"\"{value}\"";
}
