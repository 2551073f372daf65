using ChangeBot.Data.Audit;
using ChangeBot.Domain.Approvals;

namespace ChangeBot.Features.Changes;

/// <summary>Who acts on a change request, with the roles held at that moment, and where the action came from (for the audit log).</summary>
public sealed record ChangeActor(Actor Actor, ActorSource Source)
{
    /// <summary>The bot itself, e.g. scheduling a change once its last approval is in; it may do what an admin may.</summary>
    public static ChangeActor Bot { get; } = new(new Actor(BotName, new HashSet<ApproverRole> { ApproverRole.Admin }), ActorSource.Job);

    public const string BotName = "changebot";

    public string UserId => Actor.UserId;

    /// <summary>A pipeline or other API client, named by its requester field; it holds no approver role.</summary>
    public static ChangeActor Api(string client) => new(Actor.WithoutRoles(client), ActorSource.Api);

    /// <summary>A scheduled job acting with the bot's rights.</summary>
    public static ChangeActor Job(string name) => new(new Actor(name, new HashSet<ApproverRole> { ApproverRole.Admin }), ActorSource.Job);
}
