using System.Text;
using ChangeBot.Slack.BlockKit;

namespace ChangeBot.Features.Commands;

/// <summary>Renders the <c>/change</c> help: one line per sub-command with its example, in registration order.</summary>
public static class ChangeHelpView
{
    public static MessageLayout Render(IReadOnlyList<ChangeSubCommand> subCommands, string? unknown)
    {
        ArgumentNullException.ThrowIfNull(subCommands);
        var intro = unknown is null
            ? "ChangeBot files, approves and tracks infrastructure changes. Sub-commands:"
            : $"`/change {unknown}` is not a ChangeBot command. These are:";
        var blocks = new List<Block>
        {
            new HeaderBlock("ChangeBot: /change"),
            SectionBlock.Markdown(intro),
        };
        var text = new StringBuilder(intro).AppendLine();
        foreach (var sub in subCommands)
        {
            blocks.Add(SectionBlock.Markdown($"*`/change {sub.Name}`*  {sub.Description}\n_e.g._ `{sub.Usage}`"));
            text.Append("• /change ").Append(sub.Name).Append(" – ").AppendLine(sub.Description);
        }

        return new MessageLayout(text.ToString().TrimEnd(), blocks);
    }
}
