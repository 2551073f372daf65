namespace ChangeBot.Features.Commands;

/// <summary>A <c>/change</c> sub-command as a feature registers it: the help shows its description and usage.</summary>
public sealed record ChangeSubCommand(string Name, string Description, string Usage, Type HandlerType);
