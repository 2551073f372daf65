namespace ChangeBot.Features.Gate;

/// <summary>One reason or condition in the gate's answer.</summary>
public sealed record GateRuleMessage(string Rule, string Message);
