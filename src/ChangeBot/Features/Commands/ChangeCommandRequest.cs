using ChangeBot.Slack.Payloads;

namespace ChangeBot.Features.Commands;

/// <summary>A <c>/change</c> invocation split into its sub-command and the rest of the text.</summary>
public sealed record ChangeCommandRequest(SlashCommand Command, string SubCommand, string Arguments);
