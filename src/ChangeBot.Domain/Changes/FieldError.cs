namespace ChangeBot.Domain.Changes;

/// <summary>
/// A problem with one field of a change request, in words the person filling it in can act on.
/// <see cref="Field"/> is a stable key from <see cref="ChangeRequestFields"/>: the Slack modal maps it to a block
/// id and the HTTP API to a JSON field name.
/// </summary>
public sealed record FieldError(string Field, string Message);
