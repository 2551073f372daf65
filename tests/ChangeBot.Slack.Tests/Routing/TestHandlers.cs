using ChangeBot.Slack.BlockKit;
using ChangeBot.Slack.Payloads;
using ChangeBot.Slack.Routing;
using ChangeBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeBot.Slack.Tests.Routing;

/// <summary>What the test handlers saw, shared across the scopes they are resolved in.</summary>
internal sealed class HandlerProbe
{
    public List<object> Instances { get; } = [];

    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<string> Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _eventRuns;

    public int EventRuns => _eventRuns;

    public void CountEvent() => Interlocked.Increment(ref _eventRuns);
}

internal sealed class EchoCommand(HandlerProbe probe) : ISlashCommandHandler
{
    public Task<SlackAck> HandleAsync(SlashCommand command, SlackRequestContext context, CancellationToken cancellationToken)
    {
        lock (probe.Instances)
        {
            probe.Instances.Add(this);
        }

        return Task.FromResult(SlackAck.Ephemeral($"echo {command.Text}"));
    }
}

internal sealed class ThrowingCommand : ISlashCommandHandler
{
    public Task<SlackAck> HandleAsync(SlashCommand command, SlackRequestContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("database is down");
}

/// <summary>Acks at once and posts a follow-up once the test opens the gate.</summary>
internal sealed class SlowAfterAckCommand(HandlerProbe probe) : ISlashCommandHandler
{
    public Task<SlackAck> HandleAsync(SlashCommand command, SlackRequestContext context, CancellationToken cancellationToken)
    {
        context.After(async (services, ct) =>
        {
            await probe.Gate.Task.WaitAsync(ct);
            await services.GetRequiredService<ISlackApiClient>().PostMessageAsync(command.ChannelId, new("slow work done"), cancellationToken: ct);
            probe.Ran.TrySetResult(context.CorrelationId);
        });
        return Task.FromResult(SlackAck.Ephemeral("on it"));
    }
}

/// <summary>Acks, then its after-ack work fails.</summary>
internal sealed class FailingAfterAckCommand : ISlashCommandHandler
{
    public Task<SlackAck> HandleAsync(SlashCommand command, SlackRequestContext context, CancellationToken cancellationToken)
    {
        context.After((_, _) => throw new InvalidOperationException("boom after the ack"));
        return Task.FromResult(SlackAck.Empty);
    }
}

/// <summary>Takes longer than the ack timeout before answering.</summary>
internal sealed class StuckCommand(HandlerProbe probe) : ISlashCommandHandler
{
    public async Task<SlackAck> HandleAsync(SlashCommand command, SlackRequestContext context, CancellationToken cancellationToken)
    {
        await probe.Gate.Task;
        probe.Ran.TrySetResult("late");
        return SlackAck.Ephemeral("too late for Slack");
    }
}

internal sealed class ThrowingAction : IBlockActionHandler
{
    public Task<SlackAck> HandleAsync(BlockActionsPayload payload, BlockAction action, SlackRequestContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("approve failed");
}

internal sealed class ApproveAction(HandlerProbe probe) : IBlockActionHandler
{
    public Task<SlackAck> HandleAsync(BlockActionsPayload payload, BlockAction action, SlackRequestContext context, CancellationToken cancellationToken)
    {
        probe.Ran.TrySetResult(action.ActionId);
        return Task.FromResult(SlackAck.Empty);
    }
}

internal sealed class ErrorsSubmission : IViewSubmissionHandler
{
    public Task<SlackAck> HandleAsync(ViewSubmissionPayload payload, SlackRequestContext context, CancellationToken cancellationToken) =>
        Task.FromResult(SlackAck.Errors(new Dictionary<string, string> { ["title"] = "A title is required" }));
}

internal sealed class ThrowingSubmission : IViewSubmissionHandler
{
    public Task<SlackAck> HandleAsync(ViewSubmissionPayload payload, SlackRequestContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("save failed");
}

internal sealed class CountingListener(HandlerProbe probe) : ISlackEventListener
{
    public Task HandleAsync(EventEnvelope envelope, SlackEvent slackEvent, SlackRequestContext context, CancellationToken cancellationToken)
    {
        probe.CountEvent();
        probe.Ran.TrySetResult(envelope.EventId!);
        return Task.CompletedTask;
    }
}

/// <summary>Options of a service picker: the names containing what the user typed.</summary>
internal sealed class ServiceOptions : IBlockSuggestionHandler
{
    private static readonly string[] Services = [.. Enumerable.Range(1, 150).Select(n => $"service-{n:000}"), "redis-cluster-primary", "session-cache"];

    public Task<IReadOnlyList<OptionObject>> SuggestAsync(BlockSuggestionPayload payload, SlackRequestContext context, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OptionObject>>([.. Services.Where(name => name.Contains(payload.Value, StringComparison.Ordinal)).Select(name => new OptionObject(name, name))]);
}

internal sealed class ThrowingOptions : IBlockSuggestionHandler
{
    public Task<IReadOnlyList<OptionObject>> SuggestAsync(BlockSuggestionPayload payload, SlackRequestContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("service catalogue is down");
}
