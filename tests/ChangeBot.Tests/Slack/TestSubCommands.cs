using ChangeBot.Features.Commands;
using ChangeBot.Slack.Routing;
using ChangeBot.Slack.WebApi;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeBot.Tests.Slack;

internal sealed class ProbeSubCommand(TestSubCommandProbe probe) : IChangeSubCommandHandler
{
    public Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        probe.CountRun();
        return Task.FromResult(SlackAck.Ephemeral($"probe {request.Arguments}"));
    }
}

internal sealed class SlowSubCommand(TestSubCommandProbe probe) : IChangeSubCommandHandler
{
    public Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken)
    {
        context.After(async (services, ct) =>
        {
            await probe.Gate.Task.WaitAsync(ct);
            await services.GetRequiredService<ISlackApiClient>().PostMessageAsync(request.Command.ChannelId, new("slow work finished"), cancellationToken: ct);
        });
        return Task.FromResult(SlackAck.Ephemeral("Working on it…"));
    }
}

internal sealed class ThrowingSubCommand : IChangeSubCommandHandler
{
    public Task<SlackAck> HandleAsync(ChangeCommandRequest request, SlackRequestContext context, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the database is unreachable");
}
