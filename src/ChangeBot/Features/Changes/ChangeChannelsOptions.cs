using System.ComponentModel.DataAnnotations;

namespace ChangeBot.Features.Changes;

/// <summary>
/// <c>Slack:Channels</c>: where change requests are announced (#change), where C1/C2 changes are also announced
/// (#production) and where handoff notes go (#handoff). Channel ids, not names: names change, ids do not.
/// Optional so the host starts without Slack; a change can't be filed until <see cref="Change"/> is set.
/// </summary>
public sealed class ChangeChannelsOptions
{
    public const string Section = "Slack:Channels";

    internal const string ChannelIdPattern = "^[CG][A-Z0-9]{2,}$";
    internal const string ShapeMessage = "must be a Slack channel id such as C0123ABCD (public, starts with C) or G0123ABCD (private, starts with G), not a channel name";

    [RegularExpression(ChannelIdPattern, ErrorMessage = "Slack:Channels:Change " + ShapeMessage + ".")]
    public string? Change { get; set; }

    [RegularExpression(ChannelIdPattern, ErrorMessage = "Slack:Channels:Production " + ShapeMessage + ".")]
    public string? Production { get; set; }

    [RegularExpression(ChannelIdPattern, ErrorMessage = "Slack:Channels:Handoff " + ShapeMessage + ".")]
    public string? Handoff { get; set; }
}
