using ChangeBot.Slack.Routing;

namespace ChangeBot.Slack.Tests.Routing;

public class SlackRouterTests
{
    private static readonly SlackRouter Router = new(
    [
        new SlackRoute(SlackRouteKind.Action, "cr.approve:", IsPrefix: true, typeof(string)),
        new SlackRoute(SlackRouteKind.Action, "cr.approve:eoc:", IsPrefix: true, typeof(int)),
        new SlackRoute(SlackRouteKind.Action, "cr.approve:help", IsPrefix: false, typeof(long)),
        new SlackRoute(SlackRouteKind.ViewSubmission, "cr.approve:", IsPrefix: false, typeof(double)),
    ]);

    [Theory]
    [InlineData("cr.approve:CR-2026-0001:3", typeof(string))]
    [InlineData("cr.approve:eoc:CR-2026-0001", typeof(int))]
    [InlineData("cr.approve:help", typeof(long))]
    public void Find_ActionId_ExactFirstThenLongestPrefix(string actionId, Type expected)
    {
        Assert.Equal(expected, Router.Find(SlackRouteKind.Action, actionId)!.HandlerType);
    }

    [Fact]
    public void Find_UnknownOrOtherKind_Null()
    {
        Assert.Null(Router.Find(SlackRouteKind.Action, "cr.reject:CR-2026-0001"));
        Assert.Null(Router.Find(SlackRouteKind.ViewSubmission, "cr.approve:CR-2026-0001"));
        Assert.Null(Router.Find(SlackRouteKind.Event, "cr.approve:"));
    }

    [Fact]
    public void Constructor_TwoHandlersForOneExactKey_Throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new SlackRouter(
        [
            new SlackRoute(SlackRouteKind.Command, "/change", false, typeof(string)),
            new SlackRoute(SlackRouteKind.Command, "/change", false, typeof(int)),
        ]));

        Assert.Contains("/change", e.Message, StringComparison.Ordinal);
    }
}
