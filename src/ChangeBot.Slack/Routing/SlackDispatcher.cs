using ChangeBot.Slack.BlockKit;
using ChangeBot.Slack.Payloads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeBot.Slack.Routing;

/// <summary>
/// The transport-independent core: takes a verified, parsed request, routes it to its handler (resolved in
/// a fresh DI scope) and returns the ack plus the work to start after it. It always has an answer within
/// <see cref="SlackOptions.AckTimeout"/>: a handler that throws gets the user a "something went wrong (ref …)",
/// one that is too slow gets an empty ack and runs on.
/// </summary>
public sealed class SlackDispatcher(
    SlackRouter router,
    ISlackEventClaims eventClaims,
    SlackDeferredRunner runner,
    IServiceScopeFactory scopes,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackDispatcher> logger)
{
    public const string UnsupportedViewCallbackId = "changebot.unsupported";
    public const string ErrorViewCallbackId = "changebot.error";

    public async Task<SlackDispatchResult> DispatchAsync(SlackInbound inbound, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var context = ContextOf(inbound);
        using var logScope = logger.BeginScope("SlackRef {SlackRef}", context.CorrelationId);
        var ack = inbound.Payload switch
        {
            SlashCommand command => await CommandAsync(command, context, cancellationToken).ConfigureAwait(false),
            BlockActionsPayload actions => await BlockActionsAsync(actions, context, cancellationToken).ConfigureAwait(false),
            ViewSubmissionPayload submission => await ViewSubmissionAsync(submission, context, cancellationToken).ConfigureAwait(false),
            ViewClosedPayload closed => await RunAsync<IViewClosedHandler>(SlackRouteKind.ViewClosed, closed.View.CallbackId, context, (h, ct) => h.HandleAsync(closed, context, ct), cancellationToken).ConfigureAwait(false)
                ?? Unsupported(context, "view_closed", closed.View.CallbackId, tellUser: false),
            ShortcutPayload shortcut => await ShortcutAsync(shortcut, shortcut.CallbackId, context, cancellationToken).ConfigureAwait(false),
            MessageActionPayload action => await ShortcutAsync(action, action.CallbackId, context, cancellationToken).ConfigureAwait(false),
            BlockSuggestionPayload suggestion => await SuggestionAsync(suggestion, context, cancellationToken).ConfigureAwait(false),
            EventEnvelope envelope => await EventAsync(envelope, context, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"unsupported payload {inbound.Payload.GetType().Name}", nameof(inbound)),
        };
        return new SlackDispatchResult(ack, context.TakeDeferred());
    }

    private async Task<SlackAck> CommandAsync(SlashCommand command, SlackRequestContext context, CancellationToken cancellationToken)
    {
        var ack = await RunAsync<ISlashCommandHandler>(SlackRouteKind.Command, command.Command, context, (h, ct) => h.HandleAsync(command, context, ct), cancellationToken).ConfigureAwait(false);
        if (ack is not null)
        {
            return ack;
        }

        logger.LogWarning("Slack command {Command} has no handler", command.Command);
        return SlackAck.Ephemeral($"ChangeBot does not know the command `{command.Command}`. Try `/change help`.");
    }

    private async Task<SlackAck> BlockActionsAsync(BlockActionsPayload payload, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (payload.Actions.Count == 0)
        {
            logger.LogWarning("Slack block_actions without actions");
            return SlackAck.Empty;
        }

        var action = payload.Actions[0];
        return await RunAsync<IBlockActionHandler>(SlackRouteKind.Action, action.ActionId, context, (h, ct) => h.HandleAsync(payload, action, context, ct), cancellationToken).ConfigureAwait(false)
            ?? Unsupported(context, "action", action.ActionId, tellUser: true);
    }

    private async Task<SlackAck> ViewSubmissionAsync(ViewSubmissionPayload payload, SlackRequestContext context, CancellationToken cancellationToken)
    {
        var ack = await RunAsync<IViewSubmissionHandler>(SlackRouteKind.ViewSubmission, payload.View.CallbackId, context, (h, ct) => h.HandleAsync(payload, context, ct), cancellationToken).ConfigureAwait(false);
        if (ack is not null)
        {
            return ack;
        }

        Unsupported(context, "view_submission", payload.View.CallbackId, tellUser: false);
        return SlackAck.Update(Notice(UnsupportedViewCallbackId, "No longer supported", "This form is no longer supported. Please start again with `/change help`."));
    }

    /// <summary>
    /// Options for an <c>external_select</c>. Whatever goes wrong (no loader, a failing or slow one) the answer is
    /// still an options list, empty: Slack shows an error in the select for anything else.
    /// </summary>
    private async Task<SlackAck> SuggestionAsync(BlockSuggestionPayload payload, SlackRequestContext context, CancellationToken cancellationToken)
    {
        var ack = await RunAsync<IBlockSuggestionHandler>(
            SlackRouteKind.Suggestion,
            payload.ActionId,
            context,
            async (h, ct) => SlackAck.Options(await h.SuggestAsync(payload, context, ct).ConfigureAwait(false)),
            cancellationToken).ConfigureAwait(false);
        if (ack is null)
        {
            logger.LogInformation("Slack block_suggestion for '{ActionId}' has no options loader; answering no options", payload.ActionId);
        }

        return ack?.Body?["options"] is not null ? ack : SlackAck.NoOptions;
    }

    private async Task<SlackAck> ShortcutAsync(InteractionPayload payload, string callbackId, SlackRequestContext context, CancellationToken cancellationToken) =>
        await RunAsync<IShortcutHandler>(SlackRouteKind.Shortcut, callbackId, context, (h, ct) => h.HandleAsync(payload, context, ct), cancellationToken).ConfigureAwait(false)
            ?? Unsupported(context, payload.Type, callbackId, tellUser: true);

    private async Task<SlackAck> EventAsync(EventEnvelope envelope, SlackRequestContext context, CancellationToken cancellationToken)
    {
        if (envelope.Type == EventEnvelope.UrlVerification)
        {
            return SlackAck.Challenge(envelope.Challenge ?? "");
        }

        var slackEvent = envelope.Event!;
        if (!await ClaimAsync(envelope, cancellationToken).ConfigureAwait(false))
        {
            logger.LogInformation("Slack event {EventId} ({EventType}) redelivered (retry {Retry}); already handled", envelope.EventId, slackEvent.Type, envelope.RetryNum);
            return SlackAck.Empty;
        }

        var route = router.Find(SlackRouteKind.Event, slackEvent.Type);
        if (route is null)
        {
            logger.LogInformation("Slack event {EventType} has no listener", slackEvent.Type);
            return SlackAck.Empty;
        }

        // Events never need an answer beyond the 200, so the listener always runs after it.
        context.After((services, ct) => ((ISlackEventListener)services.GetRequiredService(route.HandlerType)).HandleAsync(envelope, slackEvent, context, ct));
        return SlackAck.Empty;
    }

    /// <summary>
    /// Whether this delivery of the event is the one to run. When the claim itself fails (the database is away), the
    /// event runs anyway: handling a rare redelivery twice is better than dropping the event.
    /// </summary>
    private async Task<bool> ClaimAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        try
        {
            return await eventClaims.TryClaimAsync(envelope.EventId!, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Slack event {EventId} could not be claimed; handling it without the redelivery check", envelope.EventId);
            return true;
        }
    }

    /// <summary>Null when no route matches; otherwise the handler's ack, or a safe ack if it throws or is too slow.</summary>
    private async Task<SlackAck?> RunAsync<THandler>(SlackRouteKind kind, string key, SlackRequestContext context, Func<THandler, CancellationToken, Task<SlackAck>> handle, CancellationToken cancellationToken)
        where THandler : class
    {
        var route = router.Find(kind, key);
        if (route is null)
        {
            return null;
        }

        var scope = scopes.CreateAsyncScope();
        Task<SlackAck> work;
        try
        {
            work = handle((THandler)scope.ServiceProvider.GetRequiredService(route.HandlerType), cancellationToken);
        }
#pragma warning disable CA1031 // A handler's failure must become an answer to the user, never a 500 to Slack.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await scope.DisposeAsync().ConfigureAwait(false);
            return Failed(kind, key, context, e);
        }

        try
        {
            var ack = await work.WaitAsync(options.Value.AckTimeout, time, cancellationToken).ConfigureAwait(false);
            await scope.DisposeAsync().ConfigureAwait(false);
            return ack;
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Slack {Kind} '{Key}' handler is slower than the ack timeout; answering now, it runs on", kind, key);
            runner.Track(FinishLateAsync(work, scope, kind, key, context));
            return SlackAck.Empty;
        }
#pragma warning disable CA1031 // As above.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await scope.DisposeAsync().ConfigureAwait(false);
            return Failed(kind, key, context, e);
        }
    }

    private async Task FinishLateAsync(Task<SlackAck> work, AsyncServiceScope scope, SlackRouteKind kind, string key, SlackRequestContext context)
    {
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                await work.ConfigureAwait(false);
                runner.Start(context.TakeDeferred());
            }
#pragma warning disable CA1031 // As above: log and tell the user.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Slack {Kind} '{Key}' handler failed after the ack, ref {SlackRef}", kind, key, context.CorrelationId);
                context.After((services, ct) => services.GetRequiredService<SlackUserNotices>().TellAsync(context, SlackUserNotices.SomethingWentWrong(context.CorrelationId), ct));
                runner.Start(context.TakeDeferred());
            }
        }
    }

    private SlackAck Failed(SlackRouteKind kind, string key, SlackRequestContext context, Exception e)
    {
        logger.LogError(e, "Slack {Kind} '{Key}' handler failed, ref {SlackRef}", kind, key, context.CorrelationId);
        var text = SlackUserNotices.SomethingWentWrong(context.CorrelationId);
        switch (kind)
        {
            case SlackRouteKind.Command:
                return SlackAck.Ephemeral(text);
            case SlackRouteKind.ViewSubmission:
                return SlackAck.Update(Notice(ErrorViewCallbackId, "Something went wrong", text));
            case SlackRouteKind.Suggestion:
                // The select shows no options; a notice per keystroke would flood the user.
                return SlackAck.NoOptions;
            default:
                // Slack ignores the body of these acks: tell the user once the 200 is out.
                context.After((services, ct) => services.GetRequiredService<SlackUserNotices>().TellAsync(context, text, ct));
                return SlackAck.Empty;
        }
    }

    private SlackAck Unsupported(SlackRequestContext context, string what, string key, bool tellUser)
    {
        logger.LogWarning("Slack {What} '{Key}' has no handler (ref {SlackRef})", what, key, context.CorrelationId);
        if (tellUser)
        {
            context.After((services, ct) => services.GetRequiredService<SlackUserNotices>().TellAsync(context, SlackUserNotices.NoLongerSupported, ct));
        }

        return SlackAck.Empty;
    }

    private static ModalView Notice(string callbackId, string title, string text) =>
        new(callbackId, title, [SectionBlock.Markdown(text)]) { Close = "Close" };

    private static SlackRequestContext ContextOf(SlackInbound inbound) => inbound.Payload switch
    {
        SlashCommand c => new SlackRequestContext(SlackInboundKind.Command, c.UserId, c.ChannelId, c.ResponseUrl, c.TriggerId, c.TeamId),
        BlockActionsPayload a => new SlackRequestContext(SlackInboundKind.Interaction, a.User.Id, a.Channel?.Id ?? a.Container?.ChannelId, a.ResponseUrl, a.TriggerId, a.Team?.Id),
        MessageActionPayload m => new SlackRequestContext(SlackInboundKind.Interaction, m.User.Id, m.Channel?.Id, m.ResponseUrl, m.TriggerId, m.Team?.Id),
        InteractionPayload i => new SlackRequestContext(SlackInboundKind.Interaction, i.User.Id, null, i.ResponseUrl, i.TriggerId, i.Team?.Id),
        EventEnvelope e => new SlackRequestContext(SlackInboundKind.Event, e.Event?.User, e.Event?.Channel, null, null, e.TeamId),
        _ => throw new ArgumentException($"unsupported payload {inbound.Payload.GetType().Name}", nameof(inbound)),
    };
}
