namespace ChangeBot.Cli;

/// <summary>
/// The `changebot` command: the same binary serves the bot and a few sub-commands
/// (`policy …`, `audit …`) that teams run in their own CI. This only dispatches.
/// </summary>
internal static class CommandLine
{
    private static readonly string[] Commands = ["policy", "audit", "help", "--help", "-h"];

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && Commands.Contains(args[0], StringComparer.Ordinal);

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        switch (args[0])
        {
            case "policy":
                return Task.FromResult(PolicyCommand.Run(args[1..], stdout, stderr, TimeProvider.System));
            case "audit":
                return AuditCommand.RunAsync(args[1..], stdout, stderr);
            default:
                stdout.WriteLine("usage: changebot [policy check|explain|calendar] [audit verify|export]");
                return Task.FromResult(args[0] is "help" or "--help" or "-h" ? 0 : 2);
        }
    }
}
