using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Policy;
using ChangeBot.Features.Admission;
using Microsoft.AspNetCore.Mvc.Testing;
using NSubstitute;

namespace ChangeBot.Tests.Gate;

public class GateTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private const string IssueExample = "/api/v1/gate?type=normal&criticality=C2&at=2026-12-02T03:00:00Z&duration=45m&services=redis,session-cache&environment=production";

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token-0123456789abcdef")]
    [InlineData("")]
    public async Task Gate_WithoutAValidBearerToken_Answers401WithAReason(string? token)
    {
        using var app = GateFactory.Create(factory);
        using var client = GateFactory.Client(app, token: null);
        using var request = new HttpRequestMessage(HttpMethod.Get, IssueExample);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await Json(response)).GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Gate_EitherConfiguredToken_IsAccepted()
    {
        using var app = GateFactory.Create(factory);
        using var client = GateFactory.Client(app, GateFactory.OtherToken);

        using var response = await client.GetAsync(new Uri(IssueExample, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Gate_IssueExample_AllowedInsideTheWindowWithTheAnswersShape()
    {
        using var app = GateFactory.Create(factory);
        using var client = GateFactory.Client(app);

        using var response = await client.GetAsync(new Uri(IssueExample, UriKind.Relative));
        var body = await Json(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("allowed").GetBoolean());
        Assert.Equal(0, body.GetProperty("reasons").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("conditions").ValueKind);
        Assert.Equal("2026-12-02T03:00:00Z", body.GetProperty("nextAllowedAt").GetString());
        Assert.Equal("ChangeBot default", body.GetProperty("policy").GetString());
    }

    [Fact]
    public async Task Gate_DuringReleaseDay_BlockedBySoftPclWithTheNextAllowedStart()
    {
        using var app = GateFactory.Create(factory);
        using var client = GateFactory.Client(app);

        using var response = await client.GetAsync(new Uri("/api/v1/gate?type=standard&criticality=C2&at=2026-12-22T10:00:00Z", UriKind.Relative));
        var body = await Json(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(body.GetProperty("allowed").GetBoolean());
        var reason = Assert.Single(body.GetProperty("reasons").EnumerateArray());
        Assert.Equal("pcl.soft", reason.GetProperty("rule").GetString());
        Assert.Contains("Release day", reason.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-12-23T09:00:00Z", body.GetProperty("nextAllowedAt").GetString());
    }

    [Fact]
    public async Task Gate_WithoutAt_AsksAboutNowAndDefaultsToNormal()
    {
        // Now is Tuesday 03:00 UTC: inside the normal window.
        using var app = GateFactory.Create(factory);
        using var client = GateFactory.Client(app);
        using var friday = GateFactory.Create(factory, now: new DateTimeOffset(2026, 12, 4, 3, 0, 0, TimeSpan.Zero));
        using var fridayClient = GateFactory.Client(friday);

        var tuesday = await Json(await client.GetAsync(new Uri("/api/v1/gate?criticality=C3", UriKind.Relative)));
        var onFriday = await Json(await fridayClient.GetAsync(new Uri("/api/v1/gate?criticality=C3", UriKind.Relative)));

        Assert.True(tuesday.GetProperty("allowed").GetBoolean());
        Assert.Equal("2026-12-01T03:00:00Z", tuesday.GetProperty("nextAllowedAt").GetString());
        Assert.False(onFriday.GetProperty("allowed").GetBoolean());
        Assert.Equal("window.normal", onFriday.GetProperty("reasons")[0].GetProperty("rule").GetString());
        Assert.Equal("2026-12-08T02:00:00Z", onFriday.GetProperty("nextAllowedAt").GetString());
    }

    [Theory]
    [InlineData("criticality=C9", "criticality")]
    [InlineData("type=normal", "criticality")]
    [InlineData("criticality=C2&type=urgent", "type")]
    [InlineData("criticality=C2&at=tomorrow", "at")]
    [InlineData("criticality=C2&at=2026-12-02T03:00:00", "at")]
    [InlineData("criticality=C2&duration=forever", "duration")]
    [InlineData("criticality=C2&duration=0", "duration")]
    [InlineData("criticality=C2&change=CR-12", "change")]
    [InlineData("criticality=C2&exception=boredom", "exception")]
    [InlineData("criticality=C2&approvals=ceo", "approvals")]
    [InlineData("criticality=C2&when=now", "when")]
    [InlineData("criticality=C2&canary=maybe", "canary")]
    public async Task Gate_ParameterThatDoesNotParse_Answers400NamingIt(string query, string parameter)
    {
        using var app = GateFactory.Create(factory);
        using var client = GateFactory.Client(app);

        using var response = await client.GetAsync(new Uri("/api/v1/gate?" + query, UriKind.Relative));
        var error = (await Json(response)).GetProperty("error").GetString();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_AtWithAnUnencodedPlusOffset_StillParses()
    {
        using var app = GateFactory.Create(factory);
        using var client = GateFactory.Client(app);

        using var response = await client.GetAsync(new Uri("/api/v1/gate?criticality=C3&at=2026-12-02T04:00:00+01:00", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2026-12-02T03:00:00Z", (await Json(response)).GetProperty("nextAllowedAt").GetString());
    }

    [Fact]
    public async Task Gate_ActiveS1IncidentFromTheIncidentPort_BlocksWithNoNextStart()
    {
        var incidents = Substitute.For<IActiveIncidentSource>();
        incidents.ActiveAsync(Arg.Any<CancellationToken>()).Returns([new ActiveIncident("INC-1", IncidentSeverity.S1)]);
        using var app = GateFactory.Create(factory, incidents: incidents);
        using var client = GateFactory.Client(app);

        var body = await Json(await client.GetAsync(new Uri(IssueExample, UriKind.Relative)));

        Assert.False(body.GetProperty("allowed").GetBoolean());
        Assert.Equal("incident.active", body.GetProperty("reasons")[0].GetProperty("rule").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("nextAllowedAt").ValueKind);
        Assert.Equal(["incident.active"], body.GetProperty("waitingFor").EnumerateArray().Select(rule => rule.GetString()));
    }

    [Fact]
    public async Task Gate_BlockedOnlyByTheCalendar_WaitingForIsEmptyAndNextAllowedIsSet()
    {
        using var app = GateFactory.Create(factory);
        using var client = GateFactory.Client(app);

        var body = await Json(await client.GetAsync(new Uri("/api/v1/gate?type=standard&criticality=C2&at=2026-12-22T10:00:00Z", UriKind.Relative)));

        Assert.Equal(JsonValueKind.Array, body.GetProperty("waitingFor").ValueKind);
        Assert.Equal(0, body.GetProperty("waitingFor").GetArrayLength());
        Assert.Equal("2026-12-23T09:00:00Z", body.GetProperty("nextAllowedAt").GetString());
    }

    [Fact]
    public async Task Gate_WithAnotherPolicyFile_AnswersFromItAndNamesIt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"changebot-policy-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, """
            name: Always open
            windows: { standard: always, normal: always, emergency: always }
            criticalitySlots: { C1: always, C2: always, C3: always, C4: always }
            """);
        try
        {
            using var app = GateFactory.Create(factory, policyFile: path);
            using var client = GateFactory.Client(app);

            var body = await Json(await client.GetAsync(new Uri("/api/v1/gate?criticality=C1&at=2026-12-05T12:00:00Z", UriKind.Relative)));

            Assert.True(body.GetProperty("allowed").GetBoolean());
            Assert.Equal("Always open", body.GetProperty("policy").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Gate_EmergencyWithApprovalsInAHardLock_AllowedWithConditions()
    {
        using var app = GateFactory.Create(factory);
        using var client = GateFactory.Client(app);

        var body = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/gate?type=emergency&criticality=C1&at=2026-12-25T12:00:00Z&approvals=incident-commander,eoc", UriKind.Relative));

        Assert.True(body.GetProperty("allowed").GetBoolean());
        Assert.Contains(body.GetProperty("conditions").EnumerateArray(), c => c.GetProperty("message").GetString()!.Contains("inform the VPE", StringComparison.Ordinal));
    }
}
