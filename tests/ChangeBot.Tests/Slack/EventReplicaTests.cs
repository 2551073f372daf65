using System.Net;
using System.Text.Json.Nodes;
using ChangeBot.Data;
using ChangeBot.Testing.Data;
using ChangeBot.Testing.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChangeBot.Tests.Slack;

/// <summary>
/// Two replicas of the bot on one database: an event Slack redelivers (its 200 was late) to the other replica, over
/// HTTP or Socket Mode, runs once. Each replica publishes App Home on <c>app_home_opened</c>, so a second run would
/// be a second <c>views.publish</c> at the Slack stand-in.
/// </summary>
public sealed class EventReplicaTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private const string SigningSecret = "replica-signing-secret-0123456789abcdef";

    [Theory]
    [BothDatabases]
    public async Task Event_RedeliveredToTheOtherReplica_OverHttpAtOnceOrOverSocketMode_HomeIsPublishedOnce(StorageProvider provider)
    {
        await using var db = await databases.CreateAsync(provider);
        await using var slack = await SlackStandIn.StartAsync();
        await using var socket = await SocketModeStandIn.StartAsync(slack);
        var signer = new SlackRequestSigner(SigningSecret, TimeProvider.System);
        var a = Replica(db, slack.ApiBaseUrl, "replica-a");
        var b = Replica(db, socket.ApiBaseUrl, "replica-b", socketMode: true);
        try
        {
            using var clientA = a.CreateClient();
            using var clientB = b.CreateClient();

            var both = await Task.WhenAll(
                SendAsync(clientA, signer.Event(Event("EvAT-ONCE", "U0FIRST"))),
                SendAsync(clientB, signer.Event(Event("EvAT-ONCE", "U0FIRST"), retryNum: 1)));
            Assert.All(both, status => Assert.Equal(HttpStatusCode.OK, status));

            Assert.Equal(HttpStatusCode.OK, await SendAsync(clientA, signer.Event(Event("EvBY-SOCKET", "U0SECOND"))));
            await socket.WaitForConnectionAsync(1);
            var envelope = await socket.SendEnvelopeAsync("events_api", JsonNode.Parse(Event("EvBY-SOCKET", "U0SECOND"))!.AsObject(), retryAttempt: 1);
            await socket.WaitForAckAsync(envelope);
        }
        finally
        {
            // Stopping a replica waits for the work it started after its acks, so every publish it owed is made.
            await b.DisposeAsync();
            await a.DisposeAsync();
        }

        var published = slack.CallsTo("views.publish").Select(call => call.Arg("user_id")).Order(StringComparer.Ordinal);
        Assert.Equal(["U0FIRST", "U0SECOND"], published);
    }

    private static WebApplicationFactory<Program> Replica(TestStore db, Uri slackApi, string name, bool socketMode = false)
    {
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Storage:Provider", db.Provider.ToString());
            host.UseSetting("ConnectionStrings:ChangeBot", db.ConnectionString);
            host.UseSetting("ChangeBot:Scheduler:InstanceId", name);
            host.UseSetting("Slack:SigningSecret", SigningSecret);
            host.UseSetting("Slack:BotToken", SlackStandIn.BotToken);
            host.UseSetting("Slack:ApiBaseUrl", slackApi.ToString());
            if (socketMode)
            {
                host.UseSetting("Slack:SocketMode", "true");
                host.UseSetting("Slack:AppToken", SocketModeStandIn.AppToken);
            }
        });
        _ = factory.Server;
        return factory;
    }

    private static string Event(string id, string user) => $$$"""
        {"type":"event_callback","team_id":"T0STANDIN","api_app_id":"A0CHANGEBOT","event_id":"{{{id}}}","event_time":1772442000,
         "event":{"type":"app_home_opened","user":"{{{user}}}","channel":"D0HOME","tab":"home","event_ts":"1772442000.1"}}
        """;

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }
    }
}
