using ChangeBot.Domain.Approvals;
using ChangeBot.Features.Changes;
using ChangeBot.Slack;
using ChangeBot.Slack.WebApi;
using ChangeBot.Testing.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Tests.Changes;

/// <summary>Roles at the moment of a click: static lists plus user groups read from Slack and kept briefly.</summary>
public sealed class RoleDirectoryTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private SlackStandIn _slack = null!;
    private readonly HttpClient _http = new();
    private readonly List<ServiceProvider> _containers = [];
    private int _clientsCreated;

    public async Task InitializeAsync() => _slack = await SlackStandIn.StartAsync(_time);

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    public void Dispose()
    {
        foreach (var container in _containers)
        {
            container.Dispose();
        }

        _http.Dispose();
    }

    [Fact]
    public async Task SlackUser_InTheEocGroup_HoldsEocUntilTheCacheExpiresAfterAHandover()
    {
        _slack.AddUsergroup("S0EOC", "U0DANA");
        var roles = Directory(new RoleOptions { Eoc = new RoleMembersOptions { UserGroup = "S0EOC" } });

        Assert.True((await roles.SlackUserAsync("U0DANA", CancellationToken.None)).Actor.Holds(ApproverRole.Eoc));
        _slack.AddUsergroup("S0EOC", "U0ERIK");
        Assert.True((await roles.SlackUserAsync("U0DANA", CancellationToken.None)).Actor.Holds(ApproverRole.Eoc));
        Assert.Single(_slack.CallsTo("usergroups.users.list"));

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.False((await roles.SlackUserAsync("U0DANA", CancellationToken.None)).Actor.Holds(ApproverRole.Eoc));
        Assert.Equal(["U0ERIK"], await roles.MembersAsync(ApproverRole.Eoc, CancellationToken.None));
    }

    [Fact]
    public async Task SlackUser_ListedOrNot_IsAReviewerWithTheListedRolesOnly()
    {
        var options = new RoleOptions();
        options.Admin.Users.Add("U0ADMIN");
        var roles = Directory(options);

        var admin = await roles.SlackUserAsync("U0ADMIN", CancellationToken.None);
        var engineer = await roles.SlackUserAsync("U0ANY", CancellationToken.None);

        Assert.Equal(new HashSet<ApproverRole> { ApproverRole.Reviewer, ApproverRole.Admin }, admin.Actor.Roles);
        Assert.Equal(new HashSet<ApproverRole> { ApproverRole.Reviewer }, engineer.Actor.Roles);
    }

    [Fact]
    public async Task MembersAsync_GroupSlackCannotRead_GrantsNobodyTheRole()
    {
        var roles = Directory(new RoleOptions { Director = new RoleMembersOptions { UserGroup = "S0GONE" } });

        Assert.Empty(await roles.MembersAsync(ApproverRole.Director, CancellationToken.None));
        Assert.Equal("no_such_subteam", _slack.CallsTo("usergroups.users.list").Single().Error);
    }

    [Fact]
    public void Problems_MalformedIds_NamedWithTheirKey()
    {
        var options = new RoleOptions { Eoc = new RoleMembersOptions { UserGroup = "@oncall" } };
        options.Admin.Users.Add("alice");

        var problems = options.Problems().ToList();

        Assert.Contains(problems, problem => problem.StartsWith("ChangeBot:Roles:Admin:Users has 'alice'", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.StartsWith("ChangeBot:Roles:Eoc:UserGroup '@oncall'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MembersAsync_EveryFetchFromSlack_TakesAFreshClientFromTheContainer()
    {
        _slack.AddUsergroup("S0EOC", "U0DANA");
        var roles = Directory(new RoleOptions { Eoc = new RoleMembersOptions { UserGroup = "S0EOC" } });

        await roles.MembersAsync(ApproverRole.Eoc, CancellationToken.None);
        await roles.MembersAsync(ApproverRole.Eoc, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        await roles.MembersAsync(ApproverRole.Eoc, CancellationToken.None);

        Assert.Equal(2, _slack.CallsTo("usergroups.users.list").Count);
        Assert.Equal(2, _clientsCreated);
    }

    /// <summary>The directory over a container whose Slack client is transient, as the host registers it; counts the clients it hands out.</summary>
    private RoleDirectory Directory(RoleOptions options)
    {
        var services = new ServiceCollection()
            .AddTransient<ISlackApiClient>(_ =>
            {
                Interlocked.Increment(ref _clientsCreated);
                return new SlackApiClient(
                    _http,
                    Options.Create(new SlackOptions { ApiBaseUrl = _slack.ApiBaseUrl.ToString(), BotToken = SlackStandIn.BotToken }),
                    _time,
                    NullLogger<SlackApiClient>.Instance);
            })
            .BuildServiceProvider();
        _containers.Add(services);
        return new RoleDirectory(Options.Create(options), services.GetRequiredService<IServiceScopeFactory>(), _time, NullLogger<RoleDirectory>.Instance);
    }
}
