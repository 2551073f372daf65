namespace ChangeBot.Data.Audit;

/// <summary>Where an action came from.</summary>
public enum ActorSource
{
    Slack = 1,
    Api = 2,
    Job = 3,
    Cli = 4,
}
