using System.Text.RegularExpressions;
using ChangeBot.Data.Migrations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Operations;

/// <summary>Runs the host; settings that fail validation at start stop it with one plain line each, not a stack trace.</summary>
public static partial class InvalidOptionsRefusal
{
    /// <summary>Returns false (after writing the reasons to <paramref name="stderr"/>) when the start was refused.</summary>
    public static async Task<bool> RunRefusingInvalidOptionsAsync(this WebApplication app, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(stderr);

        // Under WebApplicationFactory this entry point runs the host too, and the exception leaving it is how a test sees
        // the refusal: only a real process (Kestrel) turns it into lines.
        var realServer = app.Services.GetService<IServer>() is { } server && server.GetType().Name != "TestServer";
        try
        {
            await app.RunAsync().ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (realServer && Failures(e) is { Count: > 0 } failures)
        {
            await stderr.WriteLineAsync(e is SchemaTooNewException
                ? "changebot: the database was migrated by a newer changebot; not starting."
                : "changebot: the configuration is invalid; not starting.").ConfigureAwait(false);
            foreach (var failure in failures)
            {
                await stderr.WriteLineAsync(failure).ConfigureAwait(false);
            }

            return false;
        }
    }

    /// <summary>Every validation failure in the exception, as the sentence the options class wrote.</summary>
    public static IReadOnlyList<string> Failures(Exception exception)
    {
        var all = exception switch
        {
            OptionsValidationException one => [one],
            AggregateException many when many.InnerExceptions.All(i => i is OptionsValidationException) => many.InnerExceptions.Cast<OptionsValidationException>().ToList(),
            _ => new List<OptionsValidationException>(),
        };

        // A database migrated by a newer changebot is as final as a bad setting: one sentence, not a stack trace.
        if (exception is SchemaTooNewException newer)
        {
            return [newer.Message];
        }

        return [.. all.SelectMany(e => e.Failures).Select(f => DataAnnotationsWrapper().Match(f) is { Success: true } m ? m.Groups[1].Value : f)];
    }

    // DataAnnotations wraps each message as "DataAnnotation validation failed for 'X' members: 'Y' with the error: '…'.".
    [GeneratedRegex("with the error: '(.*)'\\.?$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationsWrapper();
}
