using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChangeBot.Testing.Monitoring;
using ChangeBot.Testing.Slack;
using Microsoft.Data.Sqlite;

namespace ChangeBot.Tests.Operations;

public sealed class JsonLogTests : IAsyncLifetime
{
    private const string SigningSecret = "log-scan-signing-secret-0123456789";
    private const string ApiToken = "log-scan-api-token-0123456789abcdef";
    private const string RefusedToken = "log-scan-refused-token-0123456789";
    private SlackStandIn _slack = null!;

    public async Task InitializeAsync() => _slack = await SlackStandIn.StartAsync();

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    [Fact]
    public async Task Logs_InProductionAtTrace_OneJsonObjectPerLineWithTheSlackRefAndNoSecretOrBody()
    {
        using var app = AppProcess.Start(new Dictionary<string, string>
        {
            ["Slack__SigningSecret"] = SigningSecret,
            ["Slack__BotToken"] = SlackStandIn.BotToken,
            ["Slack__ApiBaseUrl"] = _slack.ApiBaseUrl.ToString(),
            ["ChangeBot__Api__Tokens__0"] = ApiToken,
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
        });
        using var client = new HttpClient { BaseAddress = app.BaseUrl };
        await app.WaitUntilLiveAsync(client);
        var signer = new SlackRequestSigner(SigningSecret, TimeProvider.System);

        using (var command = signer.Command("help"))
        using (var answer = await client.SendAsync(command))
        {
            answer.EnsureSuccessStatusCode();
        }

        // A fresh event id each run: the process's changebot.db outlives it, and remembers the ids it handled.
        var eventId = $"Ev0LOGSCAN{Guid.NewGuid():N}";
        using (var homeOpened = signer.Event($$$"""{"type":"event_callback","team_id":"T0STANDIN","event_id":"{{{eventId}}}","event":{"type":"app_home_opened","user":"U0ALICE","channel":"D0ALICE","tab":"home"}}"""))
        using (var answer = await client.SendAsync(homeOpened))
        {
            answer.EnsureSuccessStatusCode();
        }

        await _slack.WaitForCallsAsync("views.publish");
        foreach (var token in new[] { ApiToken, RefusedToken })
        {
            using var gate = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/gate?criticality=C3", UriKind.Relative));
            gate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var answer = await client.SendAsync(gate);
        }

        // The views.publish call ran in the event's follow-up: its log lines carry that request's ref.
        var lines = await Eventually.UntilAsync(
            () => Task.FromResult(app.Stdout),
            l => l.Any(line => line.Contains("\"SlackRef\":", StringComparison.Ordinal) && line.Contains("views.publish", StringComparison.Ordinal))
                && l.Any(line => line.Contains("/api/v1/gate", StringComparison.Ordinal)),
            "log lines of the follow-up and of the gate calls");

        Assert.All(lines, line =>
        {
            using var parsed = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, parsed.RootElement.ValueKind);
        });
        foreach (var secret in new[] { SigningSecret, SlackStandIn.BotToken, ApiToken, RefusedToken })
        {
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
        }

        // Bodies stay out: the command's form fields and the event's JSON.
        Assert.DoesNotContain(lines, line => line.Contains("trigger_id", StringComparison.Ordinal) || line.Contains("hooks.slack.com", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(eventId, StringComparison.Ordinal) && line.Contains("app_home_opened\",\"user", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logs_AHandlerFails_TheErrorLineCarriesTheRefTheUserIsShown()
    {
        var database = Path.Combine(Path.GetTempPath(), $"changebot-logref-{Guid.NewGuid():N}.db");
        var connection = new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString();
        try
        {
            using var app = AppProcess.Start(new Dictionary<string, string>
            {
                ["Slack__SigningSecret"] = SigningSecret,
                ["Slack__BotToken"] = SlackStandIn.BotToken,
                ["Slack__ApiBaseUrl"] = _slack.ApiBaseUrl.ToString(),
                ["ConnectionStrings__ChangeBot"] = connection,
            });
            using var client = new HttpClient { BaseAddress = app.BaseUrl };
            await app.WaitUntilLiveAsync(client);
            await Eventually.UntilAsync(async () => (await client.GetAsync(new Uri("readyz", UriKind.Relative))).IsSuccessStatusCode, ready => ready, "the bot to be ready (migrated)");

            // The change table vanishes under the running bot: /change list fails inside its handler.
            await using (var sqlite = new SqliteConnection(connection))
            {
                await sqlite.OpenAsync();
                await using var drop = sqlite.CreateCommand();
                drop.CommandText = "PRAGMA foreign_keys = OFF; DROP TABLE change_requests;";
                await drop.ExecuteNonQueryAsync();
            }

            var signer = new SlackRequestSigner(SigningSecret, TimeProvider.System);
            string shown;
            using (var command = signer.Command("list", new Dictionary<string, string?> { ["response_url"] = _slack.NewResponseUrl().ToString() }))
            using (var answer = await client.SendAsync(command))
            {
                answer.EnsureSuccessStatusCode();
                var body = await answer.Content.ReadAsStringAsync();
                shown = body.Contains("(ref ", StringComparison.Ordinal)
                    ? body
                    : (await _slack.WaitForCallsAsync("response_url")).Select(c => c.Arguments.ToJsonString()).First(t => t.Contains("(ref ", StringComparison.Ordinal));
            }

            var reference = Regex.Match(shown, @"\(ref ([0-9A-F]+)\)").Groups[1].Value;
            Assert.NotEmpty(reference);
            Assert.DoesNotContain("   at ", shown, StringComparison.Ordinal);
            var lines = await Eventually.UntilAsync(
                () => Task.FromResult(app.Stdout),
                l => l.Any(line => line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) && line.Contains(reference, StringComparison.Ordinal)),
                $"an error line naming ref {reference}");
            var error = JsonNode.Parse(lines.First(line => line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) && line.Contains(reference, StringComparison.Ordinal)))!;
            Assert.Equal(reference, error["State"]?["SlackRef"]?.GetValue<string>() ?? error["Scopes"]![0]!["SlackRef"]!.GetValue<string>());
            Assert.DoesNotContain(lines, line => line.Contains(SigningSecret, StringComparison.Ordinal) || line.Contains(SlackStandIn.BotToken, StringComparison.Ordinal));
        }
        finally
        {
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
