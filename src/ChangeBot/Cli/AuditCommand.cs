using System.Globalization;
using ChangeBot.Data;
using ChangeBot.Data.Audit;

namespace ChangeBot.Cli;

/// <summary>
/// <c>changebot audit verify</c> checks the hash chain and names the first broken entry (exit 1);
/// <c>changebot audit export [--from DATE] [--to DATE] [--output FILE]</c> writes JSON lines. The database is the
/// bot's own: <c>Storage:Provider</c> and <c>ConnectionStrings:ChangeBot</c> from appsettings.json or the environment.
/// </summary>
internal static class AuditCommand
{
    public const string Usage = """
        usage: changebot audit verify
               changebot audit export [--from 2026-03-01] [--to 2026-03-31] [--output audit.jsonl]
          --from  first day (or instant, e.g. 2026-03-01T09:00:00Z) to include, UTC
          --to    last day to include (a whole day), or the instant to stop before
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0 || args[0] is not ("verify" or "export"))
        {
            await stderr.WriteLineAsync(args.Length == 0 ? "changebot audit: say what to do." : $"changebot audit: unknown command '{args[0]}'.");
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (!TryParseOptions(args[1..], out var options, out var problem))
        {
            await stderr.WriteLineAsync("changebot audit: " + problem);
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        configuration ??= new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var provider = configuration.GetValue(StorageOptions.Section + ":Provider", StorageProvider.Sqlite);
        var dialect = DataServiceCollectionExtensions.CreateDialect(provider, configuration.GetConnectionString(DataServiceCollectionExtensions.ConnectionStringName));
        try
        {
            var reader = new AuditLogReader(dialect);
            if (args[0] == "verify")
            {
                var result = await reader.VerifyAsync(CancellationToken.None);
                await (result.IsIntact ? stdout : stderr).WriteLineAsync(result.Message);
                return result.IsIntact ? 0 : 1;
            }

            if (options.TryGetValue("--output", out var file))
            {
                await using var output = new StreamWriter(file);
                var written = await reader.ExportAsync(output, From(options), To(options), CancellationToken.None);
                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Exported {written} audit entries to {file}."));
            }
            else
            {
                await reader.ExportAsync(stdout, From(options), To(options), CancellationToken.None);
            }

            return 0;
        }
        catch (System.Data.Common.DbException exception)
        {
            await stderr.WriteLineAsync($"changebot audit: cannot read the audit log of the {dialect.Describe()}: {exception.Message}");
            return 1;
        }
        finally
        {
            (dialect as IDisposable)?.Dispose();
        }
    }

    private static bool TryParseOptions(string[] args, out Dictionary<string, string> options, out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = string.Empty;
        for (var index = 0; index < args.Length; index += 2)
        {
            var name = args[index];
            if (name is not ("--from" or "--to" or "--output"))
            {
                problem = $"unknown option '{name}'.";
                return false;
            }

            if (index + 1 >= args.Length || string.IsNullOrWhiteSpace(args[index + 1]))
            {
                problem = $"{name} needs a value.";
                return false;
            }

            var value = args[index + 1];
            if (name != "--output" && Instant(value, endOfDay: false) is null)
            {
                problem = $"{name} '{value}' is not a date: use 2026-03-01 or 2026-03-01T09:00:00Z.";
                return false;
            }

            options[name] = value;
        }

        if (From(options) is { } from && To(options) is { } to && to <= from)
        {
            problem = "--to must be after --from.";
            return false;
        }

        return true;
    }

    private static DateTimeOffset? From(Dictionary<string, string> options) =>
        options.TryGetValue("--from", out var value) ? Instant(value, endOfDay: false) : null;

    private static DateTimeOffset? To(Dictionary<string, string> options) =>
        options.TryGetValue("--to", out var value) ? Instant(value, endOfDay: true) : null;

    /// <summary>A date means its midnight (UTC), or with <paramref name="endOfDay"/> the next midnight, so the day is included.</summary>
    private static DateTimeOffset? Instant(string text, bool endOfDay)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var midnight = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? midnight.AddDays(1) : midnight;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
    }
}
