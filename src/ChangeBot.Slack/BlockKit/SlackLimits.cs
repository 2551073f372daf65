namespace ChangeBot.Slack.BlockKit;

/// <summary>Slack's Block Kit limits (SLACK.md §6): past any of them Slack rejects the whole call with <c>invalid_blocks</c>.</summary>
public static class SlackLimits
{
    public const int MessageBlocks = 50;
    public const int ViewBlocks = 100;
    public const int HeaderText = 150;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int SectionFieldText = 2000;
    public const int ContextElements = 10;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ButtonUrl = 3000;
    public const int Id = 255;
    public const int ModalTitle = 24;
    public const int ModalButton = 24;
    public const int PrivateMetadata = 3000;
    public const int TextInputMaxLength = 3000;
    public const int Placeholder = 150;
    public const int Options = 100;
    public const int OptionText = 75;
    public const int OptionValue = 150;
    public const int InputLabel = 2000;
    public const int InputHint = 2000;

    /// <summary>Slack's own cap on a message's fallback <c>text</c>; longer text is cut by Slack, we cut it first.</summary>
    public const int MessageText = 40000;
}
