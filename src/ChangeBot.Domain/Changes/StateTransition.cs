namespace ChangeBot.Domain.Changes;

/// <summary>A move from one state to another: who, when and, for rejections, vetoes and rollbacks, why.</summary>
public sealed record StateTransition(ChangeState From, ChangeState To, string By, DateTimeOffset At, string? Reason = null);
