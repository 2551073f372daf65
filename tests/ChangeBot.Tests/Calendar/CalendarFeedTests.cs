using System.Net;
using ChangeBot.Data;
using ChangeBot.Data.Changes;
using ChangeBot.Domain.Policy;
using ChangeBot.Domain.Tests.Changes;
using ChangeBot.Features.Calendar;
using ChangeBot.Features.Locks;
using ChangeBot.Features.Policy;
using ChangeBot.Testing.Data;
using Ical.Net.CalendarComponents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using IcalCalendar = Ical.Net.Calendar;

namespace ChangeBot.Tests.Calendar;

/// <summary>GET /calendar.ics on a real Kestrel on loopback, its output parsed back with Ical.Net.</summary>
public sealed class CalendarFeedTests(TestDatabases databases) : IClassFixture<TestDatabases>
{
    private const string Token = "team-sre-0f3c9a7d1b2e";

    [Fact]
    public async Task Get_KnownToken_ListsScheduledChangesWindowsAndLocksWithStableUids()
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        var scheduled = new ChangeRequestBuilder().Numbered(7).Scheduled();
        await db.Store.WriteAsync(async (unit, token) => { await unit.Changes.InsertAsync(scheduled, token); return 0; }, CancellationToken.None);
        var berlin = new LockDefinition
        {
            Name = "Black Friday",
            Kind = LockKind.Freeze,
            Strength = LockStrength.Hard,
            Start = new DateTime(2026, 3, 27, 9, 0, 0),
            End = new DateTime(2026, 3, 28, 18, 0, 0),
            TimeZone = "Europe/Berlin",
            Exceptions = [ExceptionCategory.ActiveIncidentFix],
        };
        var calendar = ChangeCalendar.Create(ChangePolicy.Default, [berlin.ToChangeLock()]);
        await using var app = await FeedServer.StartAsync(db, calendar, Token);

        var first = await app.GetAsync($"{CalendarEndpoints.Path}?token={Token}");
        var second = await app.GetAsync($"{CalendarEndpoints.Path}?token={Token}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/calendar", first.Content.Headers.ContentType?.MediaType);
        var feed = IcalCalendar.Load(await first.Content.ReadAsStringAsync())!;
        var again = IcalCalendar.Load(await second.Content.ReadAsStringAsync())!;
        Assert.Equal(feed.Events.Select(e => e.Uid).Order(), again.Events.Select(e => e.Uid).Order());
        Assert.Equal(feed.Events.Count, feed.Events.Select(e => e.Uid).Distinct().Count());

        var change = Assert.Single(feed.Events, e => e.Uid == $"{scheduled.Id}@changebot");
        Assert.Equal(scheduled.Content.PlannedStart.UtcDateTime, change.DtStart!.AsUtc);
        Assert.Equal((scheduled.Content.PlannedStart + scheduled.Content.EstimatedDuration).UtcDateTime, change.DtEnd!.AsUtc);
        Assert.Contains(scheduled.Title, change.Summary, StringComparison.Ordinal);

        // Normal changes' window, Tue–Thu 02:00–06:00 UTC, over the next 30 days from Tuesday 3 March 10:00.
        var windows = feed.Events.Where(e => e.Categories.Contains("change-window")).ToList();
        Assert.Equal(14, windows.Count);
        Assert.All(windows, w => Assert.Equal(2, w.DtStart!.AsUtc.Hour));
        Assert.Equal(new DateTime(2026, 3, 4, 2, 0, 0, DateTimeKind.Utc), windows.Min(w => w.DtStart!.AsUtc));

        // The run-time freeze keeps its Berlin wall-clock time; the policy's release day (the 22nd) is listed too.
        var freeze = Assert.Single(feed.Events, e => e.Summary!.Contains("Black Friday", StringComparison.Ordinal));
        Assert.Equal("Europe/Berlin", freeze.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 3, 27, 9, 0, 0), freeze.DtStart.Value);
        Assert.Equal(new DateTime(2026, 3, 27, 8, 0, 0, DateTimeKind.Utc), freeze.DtStart.AsUtc);
        Assert.Contains("a fix for an active incident", freeze.Description, StringComparison.Ordinal);
        Assert.Contains(feed.TimeZones, zone => zone.TzId == "Europe/Berlin");
        var release = Assert.Single(feed.Events, e => e.Summary!.Contains("Release day", StringComparison.Ordinal) && e.DtStart!.AsUtc.Month == 3);
        Assert.Equal("release-day-20260322T090000Z@changebot", release.Uid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?token=")]
    [InlineData("?token=team-sre-0f3c9a7d1b2")]
    [InlineData("?token=someone-elses-token")]
    public async Task Get_MissingOrWrongToken_Answers401WithAReason(string query)
    {
        await using var db = await databases.CreateAsync(StorageProvider.Sqlite);
        await using var app = await FeedServer.StartAsync(db, ChangeCalendar.Create(ChangePolicy.Default), Token);

        var response = await app.GetAsync(CalendarEndpoints.Path + query);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN:VCALENDAR", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The feed endpoint alone on a real Kestrel at 127.0.0.1 on a free port.</summary>
    private sealed class FeedServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly HttpClient _client;

        private FeedServer(WebApplication app)
        {
            _app = app;
            _client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        }

        public static async Task<FeedServer> StartAsync(TestStore db, ChangeCalendar calendar, string token)
        {
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ChangeBot:Calendar:Tokens:0"] = token });
            builder.Services.AddSingleton<TimeProvider>(db.Clock);
            builder.Services.AddSingleton(new ChangeRequestQueries(db.Dialect));
            builder.Services.AddSingleton<IChangeCalendarSource>(new FixedCalendar(calendar));
            builder.Services.AddCalendarFeed();
            var app = builder.Build();
            app.MapCalendarFeed();
            await app.StartAsync();
            return new FeedServer(app);
        }

        public Task<HttpResponseMessage> GetAsync(string path) => _client.GetAsync(new Uri(path, UriKind.Relative));

        public async ValueTask DisposeAsync()
        {
            _client.Dispose();
            await _app.DisposeAsync();
        }
    }

    private sealed class FixedCalendar(ChangeCalendar calendar) : IChangeCalendarSource
    {
        public ChangeCalendar Current => calendar;
    }
}
