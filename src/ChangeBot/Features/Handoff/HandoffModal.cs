using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;
using ChangeBot.Slack.BlockKit;
using ChangeBot.Slack.Payloads;

namespace ChangeBot.Features.Handoff;

/// <summary>The handoff-note modal: four inputs, the CR id in its private metadata. Pure; the ids are shared with the submission handler.</summary>
public static class HandoffModal
{
    public const string CallbackId = "cr.handoff.note";
    public const string StateBlock = "handoff.state";
    public const string AlertsBlock = "handoff.alerts";
    public const string GraphsBlock = "handoff.graphs";
    public const string NotesBlock = "handoff.notes";
    public const string InputAction = "value";

    public static ModalView Render(ChangeRequest change, HandoffPrefill prefill)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(prefill);
        return new ModalView(
            CallbackId,
            "Handoff note",
            [
                SectionBlock.Markdown($"*{SlackFormat.Title(change)}* is {change.State.Describe()}. Tell the next region's on-call what they need to know; the note goes to #handoff and the change's thread."),
                Input(StateBlock, "State and success of the change", prefill.State, "Redis 7.2 on all nodes, error rate back to baseline", optional: false),
                Input(AlertsBlock, "Alerts silenced", prefill.AlertsSilenced, "RedisReplicationLag until 06:00 UTC", optional: true),
                Input(GraphsBlock, "Graphs to watch", prefill.Graphs, "https://grafana.example.com/d/redis", optional: true),
                Input(NotesBlock, "Anything else the next on-call must know", prefill.Notes, "Session cache warm-up takes ~1 h", optional: true),
            ])
        {
            Submit = "Post the note",
            Close = "Later",
            PrivateMetadata = change.Id.ToString(),
        };
    }

    /// <summary>The note typed in a submitted modal; the state is required (the inline error names it otherwise).</summary>
    public static HandoffNote? Read(ViewState state, out string? missingState)
    {
        ArgumentNullException.ThrowIfNull(state);
        string? Text(string block) => state.Get(block, InputAction)?.Value is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var changeState = Text(StateBlock);
        missingState = changeState is null ? "Say how the change went and what state it left production in." : null;
        return changeState is null ? null : new HandoffNote(changeState, Text(AlertsBlock), Text(GraphsBlock), Text(NotesBlock));
    }

    private static InputBlock Input(string blockId, string label, string? initial, string placeholder, bool optional) =>
        new(blockId, label, new TextInputElement(InputAction) { Multiline = true, InitialValue = initial, Placeholder = placeholder, MaxLength = 2000 })
        {
            Optional = optional,
        };
}
