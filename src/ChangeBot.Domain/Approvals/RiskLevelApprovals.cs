namespace ChangeBot.Domain.Approvals;

/// <summary>What a risk level asks for (seed 1): distinct reviewers, a named rollback operator, director sign-off.</summary>
public sealed record RiskLevelApprovals(int Reviewers, bool RollbackOperator, bool Director);
