using ChangeBot.Domain.Policy;

namespace ChangeBot.Features.Policy;

/// <summary>The policy the bot runs with and the file it came from (the gate names it in every answer).</summary>
public sealed record LoadedPolicy(ChangePolicy Policy, string Source);
