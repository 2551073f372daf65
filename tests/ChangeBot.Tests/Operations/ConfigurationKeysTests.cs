using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;
using ChangeBot.Data;
using ChangeBot.Slack;
using ChangeBot.Testing;

namespace ChangeBot.Tests.Operations;

/// <summary>
/// <c>appsettings.example.json</c> is the operator's list of settings: every key an options class binds is in it, and
/// nothing in it is a key no code reads. Options classes are found by their <c>Section</c> (or <c>SectionName</c>)
/// constant, so a new one is checked without touching this test.
/// </summary>
public sealed class ConfigurationKeysTests
{
    // Read by ASP.NET Core itself, not by an options class of ours.
    private static readonly string[] FrameworkPrefixes = ["Urls", "AllowedHosts", "Logging"];

    private static readonly Type[] Scalars = [typeof(string), typeof(decimal), typeof(TimeSpan), typeof(DateTimeOffset), typeof(Uri), typeof(Guid)];

    private static readonly Assembly[] HostAssemblies = [typeof(Program).Assembly, typeof(SlackOptions).Assembly, typeof(StorageOptions).Assembly];

    private static readonly string[] CodeKeys = [.. BoundKeys().Append("ConnectionStrings:" + DataServiceCollectionExtensions.ConnectionStringName).Order(StringComparer.OrdinalIgnoreCase)];

    private static readonly string[] ExampleKeys = [.. Flatten(ReadExample(), "").Order(StringComparer.OrdinalIgnoreCase)];

    [Fact]
    public void Example_EveryKeyTheCodeBinds_IsDocumented()
    {
        var missing = CodeKeys.Where(key => !ExampleKeys.Any(example => Covers(key, example))).ToList();

        Assert.True(missing.Count == 0, "appsettings.example.json lacks: " + string.Join(", ", missing));
        Assert.Contains("Outbox:ShutdownFlush", CodeKeys);
        Assert.Contains("Slack:Channels:Change", CodeKeys);
        Assert.Contains("ChangeBot:Roles:Eoc:Users", CodeKeys);
    }

    [Fact]
    public void Example_EveryKeyItShows_IsReadByTheCode()
    {
        var unread = ExampleKeys
            .Where(example => !CodeKeys.Any(key => Covers(key, example)))
            .Where(example => !FrameworkPrefixes.Any(prefix => Covers(prefix, example)))
            .ToList();

        Assert.True(unread.Count == 0, "appsettings.example.json shows keys no code reads: " + string.Join(", ", unread));
    }

    [Fact]
    public void Example_EverySectionOfOurs_HasANote()
    {
        var example = ReadExample();
        var sections = CodeKeys.Select(key => key.Split(':')[0]).Distinct(StringComparer.OrdinalIgnoreCase);

        Assert.All(sections, section => Assert.True(
            example[section] is JsonObject body && body.Any(p => p.Key.StartsWith('_')),
            $"section {section} has no \"_comment\" note"));
    }

    /// <summary>Whether the example key is the code key, or one entry under it (a dictionary's key, an array element).</summary>
    private static bool Covers(string key, string example) =>
        string.Equals(key, example, StringComparison.OrdinalIgnoreCase) || example.StartsWith(key + ":", StringComparison.OrdinalIgnoreCase);

    private static JsonObject ReadExample() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "appsettings.example.json")))!.AsObject();

    private static IEnumerable<string> Flatten(JsonObject node, string prefix)
    {
        foreach (var (name, value) in node)
        {
            if (name.StartsWith('_'))
            {
                continue;
            }

            var key = prefix.Length == 0 ? name : prefix + ":" + name;
            if (value is JsonObject child)
            {
                foreach (var nested in Flatten(child, key))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return key;
            }
        }
    }

    private static IEnumerable<string> BoundKeys()
    {
        foreach (var type in HostAssemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsClass && t.Name.EndsWith("Options", StringComparison.Ordinal)))
        {
            var section = type.GetField("Section", BindingFlags.Public | BindingFlags.Static) ?? type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static);
            if (section is { IsLiteral: true } && section.GetRawConstantValue() is string name)
            {
                foreach (var key in Properties(type, name))
                {
                    yield return key;
                }
            }
        }
    }

    /// <summary>The keys the configuration binder fills in <paramref name="type"/>: settable values, lists and dictionaries, nested options.</summary>
    private static IEnumerable<string> Properties(Type type, string prefix)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var kind = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var key = prefix + ":" + property.Name;
            var settable = property.SetMethod?.IsPublic == true;
            if (kind.IsPrimitive || kind.IsEnum || Scalars.Contains(kind))
            {
                // A get-only value (IsConfigured, ResolvedPath) is computed, not bound.
                if (settable)
                {
                    yield return key;
                }
            }
            else if (typeof(IEnumerable).IsAssignableFrom(kind))
            {
                yield return key;
            }
            else if (kind.IsClass)
            {
                foreach (var nested in Properties(kind, key))
                {
                    yield return nested;
                }
            }
        }
    }
}
