using ChangeBot.Features.Policy;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Operations;

/// <summary>
/// Before the host starts: every options class validated and the policy file loaded, and all that is wrong written at
/// once, one line each, so an operator fixes every setting in one go rather than one per restart.
/// </summary>
public static class ConfigurationRefusal
{
    public const int InvalidPolicyExitCode = 2;
    public const int InvalidConfigurationExitCode = 3;

    /// <summary>
    /// 0 when the start may go on; otherwise the exit code (3 when a setting is invalid, 2 when only the policy file
    /// is), after writing a header line and one line per problem to <paramref name="stderr"/>.
    /// </summary>
    public static int RefuseInvalidConfiguration(this IServiceProvider services, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(stderr);

        // Under WebApplicationFactory a bad setting reaches the test as the start's exception, as before.
        var realServer = services.GetService<IServer>() is { } server && server.GetType().Name != "TestServer";
        var settings = realServer ? SettingProblems(services) : [];
        var policy = services.PolicyProblems();
        if (settings.Count == 0 && policy.Count == 0)
        {
            return 0;
        }

        stderr.WriteLine(settings.Count > 0 ? "changebot: the configuration is invalid; not starting." : "changebot: the policy file is invalid; not starting.");
        foreach (var line in settings.Concat(policy))
        {
            stderr.WriteLine(line);
        }

        return settings.Count > 0 ? InvalidConfigurationExitCode : InvalidPolicyExitCode;
    }

    private static IReadOnlyList<string> SettingProblems(IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return [];
        }
        catch (Exception e) when (InvalidOptionsRefusal.Failures(e) is { Count: > 0 } failures)
        {
            return failures;
        }
    }
}
