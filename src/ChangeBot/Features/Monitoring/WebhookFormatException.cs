namespace ChangeBot.Features.Monitoring;

/// <summary>The webhook body is not Alertmanager's version 4 format; the message names the field.</summary>
internal sealed class WebhookFormatException(string message) : Exception(message);
