namespace ChangeBot.Domain.Admission;

/// <summary>Something the change must do or know if it starts: "coordinate with the EOC", what else runs, conflicts.</summary>
public sealed record AdmissionCondition(string Rule, string Message);
