using ChangeBot.Domain.Changes;

namespace ChangeBot.Features.Incidents;

/// <summary>A 400 from the incident API: the summary and every field that was wrong.</summary>
public sealed record IncidentApiError(string Error, IReadOnlyList<FieldError> Fields);
