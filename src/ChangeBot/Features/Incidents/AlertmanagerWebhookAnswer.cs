namespace ChangeBot.Features.Incidents;

/// <summary>What the Alertmanager webhook did: the incidents each alert declared or resolved, and the alerts it left alone and why.</summary>
public sealed record AlertmanagerWebhookAnswer(IReadOnlyList<IncidentResource> Incidents, IReadOnlyList<IgnoredAlert> Ignored);
