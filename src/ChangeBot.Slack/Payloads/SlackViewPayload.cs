namespace ChangeBot.Slack.Payloads;

/// <summary>A view (modal or Home) as Slack sends it back in interactions.</summary>
public sealed record SlackViewPayload
{
    public required string Id { get; init; }

    public string Type { get; init; } = "modal";

    public string CallbackId { get; init; } = "";

    public string PrivateMetadata { get; init; } = "";

    public string? Hash { get; init; }

    public string? ExternalId { get; init; }

    public string? RootViewId { get; init; }

    public string? PreviousViewId { get; init; }

    public ViewState State { get; init; } = new();
}
