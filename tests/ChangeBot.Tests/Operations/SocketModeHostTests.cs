using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeBot.Testing.Slack;

namespace ChangeBot.Tests.Operations;

/// <summary>The real host in Socket Mode: an envelope gets the very answer the HTTP endpoint gives the same request.</summary>
public sealed class SocketModeHostTests : IAsyncLifetime
{
    private SlackStandIn _webApi = null!;
    private SocketModeStandIn _slack = null!;

    public async Task InitializeAsync()
    {
        _webApi = await SlackStandIn.StartAsync();
        _slack = await SocketModeStandIn.StartAsync(_webApi);
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        await _webApi.DisposeAsync();
    }

    [Fact]
    public async Task ChangeHelp_OverSocketMode_AckCarriesTheHttpAnswer()
    {
        await using var app = OperationsHost.Create(_webApi, settings: new Dictionary<string, string>
        {
            ["Slack:SocketMode"] = "true",
            ["Slack:AppToken"] = SocketModeStandIn.AppToken,

            // apps.connections.open is answered by the Socket Mode stand-in, the rest of the Web API forwarded.
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.ToString(),
        });
        using var client = app.CreateClient();
        var signer = new SlackRequestSigner(OperationsHost.SigningSecret, TimeProvider.System);
        using var request = signer.Command("help");
        using var response = await client.SendAsync(request);
        var overHttp = await response.Content.ReadFromJsonAsync<JsonObject>();

        await _slack.WaitForConnectionAsync(1);
        var fields = SlackRequestSigner.CommandFields("help");
        var payload = new JsonObject();
        foreach (var (key, value) in fields)
        {
            payload[key] = value;
        }

        var envelope = await _slack.SendEnvelopeAsync("slash_commands", payload);
        var ack = await _slack.WaitForAckAsync(envelope);

        Assert.Equal(envelope, ack["envelope_id"]!.ToString());
        Assert.True(JsonNode.DeepEquals(overHttp, ack["payload"]), $"over HTTP: {overHttp!.ToJsonString()}\nover the socket: {ack["payload"]?.ToJsonString()}");
        Assert.Contains("Show this list", ack["payload"]!.ToJsonString(), StringComparison.Ordinal);
    }
}
