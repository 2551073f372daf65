namespace ChangeBot.Slack;

/// <summary>Names this assembly for DI scanning and architecture tests.</summary>
public sealed class SlackAssemblyMarker
{
    private SlackAssemblyMarker()
    {
    }
}
