using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Home;

/// <summary>The Home tab until the Home feature renders the user's changes.</summary>
public static class HomePlaceholderView
{
    public static HomeView Render() => new(
    [
        new HeaderBlock("ChangeBot"),
        SectionBlock.Markdown("Your change requests, approvals and the change calendar will show here."),
        ContextBlock.Markdown("Type `/change help` in any channel to see what ChangeBot can do."),
    ]);
}
