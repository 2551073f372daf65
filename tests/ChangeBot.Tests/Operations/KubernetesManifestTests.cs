using System.Net;
using System.Text.Json.Nodes;
using ChangeBot.Features.Operations;
using ChangeBot.Features.Policy;
using ChangeBot.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using YamlDotNet.RepresentationModel;

namespace ChangeBot.Tests.Operations;

public class KubernetesManifestTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private static readonly string Folder = RepositoryRoot.File("manifests", "kubernetes");

    /// <summary>Every document of every manifest, by kind.</summary>
    private static Dictionary<string, YamlMappingNode> Documents()
    {
        var documents = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Folder, "*.yaml"))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            foreach (var document in stream.Documents)
            {
                var root = (YamlMappingNode)document.RootNode;
                Assert.False(string.IsNullOrEmpty(Text(root, "apiVersion")), $"{file}: no apiVersion");
                Assert.False(string.IsNullOrEmpty(Text(root, "metadata", "name")), $"{file}: no metadata.name");
                Assert.True(documents.TryAdd(Text(root, "kind")!, root), $"{file}: a second {Text(root, "kind")}");
            }
        }

        return documents;
    }

    private static YamlNode? Node(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            node = next;
        }

        return node;
    }

    private static string? Text(YamlNode node, params string[] path) => (Node(node, path) as YamlScalarNode)?.Value;

    private static YamlMappingNode Container(Dictionary<string, YamlMappingNode> documents) =>
        (YamlMappingNode)((YamlSequenceNode)Node(documents["Deployment"], "spec", "template", "spec", "containers")!).Children.Single();

    /// <summary>The port the app listens on: the host of appsettings.json's Urls, as the Dockerfile and the load run use it.</summary>
    private static int AppPort()
    {
        var settings = JsonNode.Parse(File.ReadAllText(RepositoryRoot.File("src", "ChangeBot", "appsettings.json")))!;
        return new Uri(settings["Urls"]!.ToString()).Port;
    }

    private static int ResolvePort(YamlMappingNode container, string port)
    {
        if (int.TryParse(port, out var number))
        {
            return number;
        }

        var ports = (YamlSequenceNode)Node(container, "ports")!;
        return int.Parse(Text(ports.Children.Single(p => Text(p, "name") == port), "containerPort")!, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Manifests_EveryFileParses_OneOfEachKindNeeded()
    {
        var kinds = Documents().Keys.Order(StringComparer.Ordinal);

        Assert.Equal(["ConfigMap", "Deployment", "PodDisruptionBudget", "Secret", "Service"], kinds);
    }

    [Fact]
    public async Task Probes_PathsAndPorts_AreTheAppsRealEndpointsAndPort()
    {
        var container = Container(Documents());
        using var client = factory.CreateClient();

        foreach (var probe in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            var path = Text(container, probe, "httpGet", "path")!;
            var port = ResolvePort(container, Text(container, probe, "httpGet", "port")!);
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

            Assert.Equal(AppPort(), port);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(OperationsEndpointExtensions.LivenessPath, Text(container, "livenessProbe", "httpGet", "path"));
        Assert.Equal(OperationsEndpointExtensions.ReadinessPath, Text(container, "readinessProbe", "httpGet", "path"));
        var urls = ((YamlSequenceNode)Node(container, "env")!).Children.Single(e => Text(e, "name") == "ASPNETCORE_URLS");
        Assert.Equal(AppPort(), new Uri(Text(urls, "value")!.Replace("0.0.0.0", "localhost", StringComparison.Ordinal)).Port);
    }

    private const int MeasuredUnderLoad = 150;
    private const int MeasuredSoakPeak = 400;

    [Fact]
    public void Deployment_Resources_RequestsAndLimitsSet_LimitAboveTheSoaksPeak()
    {
        var container = Container(Documents());

        Assert.NotNull(Text(container, "resources", "requests", "cpu"));
        var request = Mebibytes(Text(container, "resources", "requests", "memory")!);
        var limit = Mebibytes(Text(container, "resources", "limits", "memory")!);

        // Measured: RSS ~130-150 MiB under load, peaks near 400 MiB in the 10-minute soak.
        Assert.InRange(request, MeasuredUnderLoad, limit);
        Assert.True(limit > MeasuredSoakPeak, $"the memory limit {limit}Mi would kill the bot at the soak's peak of ~{MeasuredSoakPeak}Mi");

        static int Mebibytes(string quantity) => quantity.EndsWith("Gi", StringComparison.Ordinal)
            ? int.Parse(quantity[..^2], System.Globalization.CultureInfo.InvariantCulture) * 1024
            : int.Parse(quantity.TrimEnd('M', 'i'), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void ServiceAndBudget_Selectors_MatchThePods()
    {
        var documents = Documents();
        var podLabels = (YamlMappingNode)Node(documents["Deployment"], "spec", "template", "metadata", "labels")!;
        var container = Container(documents);

        foreach (var selector in new[] { Node(documents["Service"], "spec", "selector"), Node(documents["PodDisruptionBudget"], "spec", "selector", "matchLabels") })
        {
            Assert.NotEmpty(((YamlMappingNode)selector!).Children);
            Assert.All(((YamlMappingNode)selector).Children, label => Assert.Equal(label.Value.ToString(), podLabels.Children[label.Key].ToString()));
        }

        var servicePort = ((YamlSequenceNode)Node(documents["Service"], "spec", "ports")!).Children.Single();
        Assert.Equal(AppPort(), ResolvePort(container, Text(servicePort, "targetPort")!));
    }

    [Fact]
    public void ConfigMap_HoldsTheShippedPolicy_WhereTheDeploymentPointsThePolicyFile()
    {
        var documents = Documents();
        var container = Container(documents);
        var policy = Text(documents["ConfigMap"], "data", "policy.yaml")!;
        var env = ((YamlSequenceNode)Node(container, "env")!).Children;
        var policyFile = Text(env.Single(e => Text(e, "name") == "ChangeBot__PolicyFile"), "value")!;
        var mount = ((YamlSequenceNode)Node(container, "volumeMounts")!).Children.Single(m => Text(m, "name") == "policy");

        Assert.Equal(File.ReadAllText(RepositoryRoot.File("src", "ChangeBot", "policy.default.yaml")).ReplaceLineEndings("\n").TrimEnd(), policy.TrimEnd());
        Assert.Equal($"{Text(mount, "mountPath")}/policy.yaml", policyFile);
        var copy = Path.Combine(Path.GetTempPath(), $"changebot-configmap-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(copy, policy);
        try
        {
            Assert.Equal("ChangeBot default", PolicyFileReader.Load(copy).Policy.Name);
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public void SecretExample_EveryValue_IsAPlaceholder()
    {
        var data = (YamlMappingNode)Node(Documents()["Secret"], "stringData")!;

        Assert.Contains(data.Children, kv => kv.Key.ToString() == "Slack__SigningSecret");
        Assert.Contains(data.Children, kv => kv.Key.ToString() == "Slack__BotToken");
        Assert.All(data.Children, kv => Assert.Contains("<", kv.Value.ToString(), StringComparison.Ordinal));
        Assert.Null(Node(Documents()["Secret"], "data"));
    }
}
