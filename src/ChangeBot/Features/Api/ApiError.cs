namespace ChangeBot.Features.Api;

/// <summary>The body of every API refusal: <c>{"error": "…"}</c>.</summary>
public sealed record ApiError(string Error);
