using System.Text.Json.Nodes;
using ChangeBot.Cli;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Tests.Gate;

public class GateAndCliAgreeTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Theory]
    [InlineData("normal", "C2", "2026-12-02T03:00:00Z", "45m", "redis,session-cache")]
    [InlineData("standard", "C2", "2026-12-22T10:00:00Z", "30m", "")]
    [InlineData("standard", "C3", "2026-12-22T10:00:00Z", "30m", "web")]
    [InlineData("normal", "C1", "2026-12-29T02:00:00Z", "2h", "")]
    [InlineData("normal", "C3", "2026-12-01T05:45:00Z", "30m", "")]
    [InlineData("emergency", "C1", "2026-12-25T12:00:00Z", "30m", "db")]
    public async Task GateAndPolicyExplain_SameQuestion_SameDecision(string type, string criticality, string at, string duration, string services)
    {
        using var app = GateFactory.Create(factory);
        using var client = GateFactory.Client(app);
        var gate = JsonNode.Parse(await client.GetStringAsync(new Uri(
            $"/api/v1/gate?type={type}&criticality={criticality}&at={at}&duration={duration}&services={services}", UriKind.Relative)));

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = PolicyCommand.Run(
            ["explain", "--json", "--type", type, "--criticality", criticality, "--at", at, "--duration", duration, "--services", services],
            stdout,
            stderr,
            new FakeTimeProvider(GateFactory.Now));
        var cli = JsonNode.Parse(stdout.ToString());

        Assert.True(JsonNode.DeepEquals(gate, cli), $"gate: {gate}\ncli: {cli}");
        Assert.Equal(gate!["allowed"]!.GetValue<bool>() ? 0 : 1, exit);
    }
}
