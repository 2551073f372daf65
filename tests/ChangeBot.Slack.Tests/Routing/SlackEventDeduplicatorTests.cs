using ChangeBot.Slack.Routing;
using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Slack.Tests.Routing;

public class SlackEventDeduplicatorTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryClaim_SameIdWithinTheHour_RefusedUntilTheHourIsOver()
    {
        var deduplicator = new SlackEventDeduplicator(_clock);

        var first = deduplicator.TryClaim("Ev1");
        _clock.Advance(TimeSpan.FromMinutes(59));
        var retry = deduplicator.TryClaim("Ev1");
        _clock.Advance(TimeSpan.FromMinutes(2));
        var afterTheHour = deduplicator.TryClaim("Ev1");

        Assert.Equal((true, false, true), (first, retry, afterTheHour));
    }

    [Fact]
    public void TryClaim_MoreIdsThanCapacityWithinTheHour_KeepsCapacityAndForgetsTheOldestFirst()
    {
        var deduplicator = new SlackEventDeduplicator(_clock);

        for (var i = 0; i <= SlackEventDeduplicator.Capacity; i++)
        {
            Assert.True(deduplicator.TryClaim($"Ev{i}"));
        }

        var count = deduplicator.Count;
        var newestRepeated = deduplicator.TryClaim($"Ev{SlackEventDeduplicator.Capacity}");
        var secondOldestRepeated = deduplicator.TryClaim("Ev1");
        var oldestRepeated = deduplicator.TryClaim("Ev0");

        Assert.Equal(SlackEventDeduplicator.Capacity, count);
        Assert.Equal((false, false, true), (newestRepeated, secondOldestRepeated, oldestRepeated));
        Assert.Equal(SlackEventDeduplicator.Capacity, deduplicator.Count);
    }

    [Fact]
    public void TryClaim_IdsOlderThanAnHour_ForgottenSoTheCountFalls()
    {
        var deduplicator = new SlackEventDeduplicator(_clock);
        for (var i = 0; i < 1000; i++)
        {
            deduplicator.TryClaim($"Ev{i}");
        }

        _clock.Advance(TimeSpan.FromMinutes(61));
        deduplicator.TryClaim("EvLater");

        Assert.Equal(1, deduplicator.Count);
    }
}
