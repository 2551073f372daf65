using System.Text.Json.Nodes;
using System.Xml.Linq;
using ChangeBot.Features.Operations;
using ChangeBot.Testing;

namespace ChangeBot.Tests.Operations;

/// <summary>No Docker engine here: the Dockerfile is checked as text against the project it builds.</summary>
public class DockerfileTests
{
    private static readonly string[] Instructions = File.ReadAllText(RepositoryRoot.File("Dockerfile"))
        .Replace("\\\n", " ", StringComparison.Ordinal)
        .Split('\n')
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .ToArray();

    private static string[] Lines(string instruction) =>
        [.. Instructions.Where(l => l.StartsWith(instruction + " ", StringComparison.OrdinalIgnoreCase))];

    [Fact]
    public void Dockerfile_Stages_BuildWithTheSdkRunOnTheAspNetRuntime()
    {
        var stages = Lines("FROM");

        Assert.Equal(2, stages.Length);
        Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/sdk:10\.0 AS build$", stages[0]);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0", stages[1], StringComparison.Ordinal);
        Assert.Contains(Lines("COPY"), l => l.StartsWith("COPY --from=build ", StringComparison.Ordinal));
        Assert.Contains(Lines("RUN"), l => l.Contains("dotnet publish src/ChangeBot/ChangeBot.csproj -c Release", StringComparison.Ordinal));
    }

    [Fact]
    public void Dockerfile_User_IsNotRoot()
    {
        var user = Assert.Single(Lines("USER"));
        var lastFrom = Array.FindLastIndex(Instructions, l => l.StartsWith("FROM ", StringComparison.Ordinal));

        Assert.DoesNotMatch(@"^USER (root|0)(:|$)", user);
        Assert.True(Array.IndexOf(Instructions, user) > lastFrom, "USER must be in the runtime stage");
    }

    [Fact]
    public void Dockerfile_PortAndHealthcheck_AreTheAppsPortAndLivenessEndpoint()
    {
        var port = new Uri(JsonNode.Parse(File.ReadAllText(RepositoryRoot.File("src", "ChangeBot", "appsettings.json")))!["Urls"]!.ToString()).Port;

        Assert.Equal($"EXPOSE {port}", Assert.Single(Lines("EXPOSE")));
        Assert.Contains(Lines("ENV"), l => l.Contains($"ASPNETCORE_URLS=http://0.0.0.0:{port}", StringComparison.Ordinal));
        var healthcheck = Assert.Single(Lines("HEALTHCHECK"));
        Assert.Contains($"GET {OperationsEndpointExtensions.LivenessPath} ", healthcheck, StringComparison.Ordinal);
        Assert.Contains($"/dev/tcp/127.0.0.1/{port}", healthcheck, StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_Entrypoint_RunsThePublishedAssembly()
    {
        var assemblyName = XDocument.Load(RepositoryRoot.File("src", "ChangeBot", "ChangeBot.csproj")).Descendants("AssemblyName").Single().Value;

        Assert.Equal($"ENTRYPOINT [\"dotnet\", \"{assemblyName}.dll\"]", Assert.Single(Lines("ENTRYPOINT")));
        Assert.Equal("changebot", assemblyName);
        Assert.Equal(assemblyName, typeof(Program).Assembly.GetName().Name);
    }

    [Fact]
    public void Dockerfile_Data_OnAVolumeOwnedByTheAppUser()
    {
        Assert.Contains(Lines("VOLUME"), l => l == "VOLUME /data");
        Assert.Contains(Lines("RUN"), l => l.Contains("chown \"$APP_UID\" /data", StringComparison.Ordinal));
    }
}
