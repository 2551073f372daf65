using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChangeBot.Tests.Slack;

public class ManifestTests
{
    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChangeBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ChangeBot.sln not found above the test binaries");
    }

    private static async Task<JToken> ManifestAsync()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "manifests", "slack-app.yaml"))));
        return ToJson(yaml.Documents[0].RootNode);
    }

    // YAML's plain scalars carry their type (true, 1); quoted ones are strings. The schema checks the types.
    private static JToken ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JObject(map.Children.Select(kv => new JProperty(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode list => new JArray(list.Children.Select(ToJson)),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } b => new JValue(b.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain } n when long.TryParse(n.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => new JValue(number),
        YamlScalarNode s => new JValue(s.Value),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };

    [Fact]
    public async Task SlackAppManifest_ValidAgainstSlacksSchema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(RepoRoot(), "..", "shared", "slack", "manifest.schema.1.0.0.json"));

        var errors = schema.Validate(await ManifestAsync());

        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind}"));
    }

    [Fact]
    public async Task SlackAppManifest_CommandUrlsEventAndOnlyTheNeededScopes()
    {
        var manifest = await ManifestAsync();

        var command = manifest["features"]!["slash_commands"]!.Single();
        Assert.Equal(("/change", "https://changebot.example.com/slack/commands"), (command["command"]!.ToString(), command["url"]!.ToString()));
        Assert.False(string.IsNullOrEmpty(command["usage_hint"]?.ToString()));
        Assert.Equal("https://changebot.example.com/slack/interactions", manifest["settings"]!["interactivity"]!["request_url"]!.ToString());
        Assert.Equal("https://changebot.example.com/slack/events", manifest["settings"]!["event_subscriptions"]!["request_url"]!.ToString());
        Assert.Equal(["app_home_opened"], manifest["settings"]!["event_subscriptions"]!["bot_events"]!.Select(e => e.ToString()));
        Assert.Equal(
            ["commands", "chat:write", "chat:write.public", "users:read", "usergroups:read", "channels:read"],
            manifest["oauth_config"]!["scopes"]!["bot"]!.Select(s => s.ToString()));
        Assert.True(manifest["features"]!["app_home"]!["home_tab_enabled"]!.Value<bool>());
    }
}
