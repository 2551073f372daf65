using System.ComponentModel.DataAnnotations;
using ChangeBot.Domain.Triggers;

namespace ChangeBot.Features.Monitoring;

/// <summary>
/// The <c>Monitoring</c> section: where Prometheus and Alertmanager are and how patiently to ask them. With neither
/// URL set monitoring is "not configured": the bot runs, and the "no metrics, no changes" rule is off (say so in App
/// Home); set <see cref="Required"/> in production so a lost setting fails the start instead.
/// </summary>
public sealed class MonitoringOptions : IValidatableObject
{
    public const string Section = "Monitoring";

    public PrometheusOptions Prometheus { get; set; } = new();

    public AlertmanagerOptions Alertmanager { get; set; } = new();

    /// <summary>How long each request to Prometheus or Alertmanager may take before the stack counts as down.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the monitoring gate checks the stack on its own (it also checks before every start).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long monitoring data may be missing during a rollout before that fires the fail-safe rollback trigger.</summary>
    public TimeSpan DataUnavailableFor { get; set; } = RollbackTriggerWatch.DefaultDataUnavailableFor;

    /// <summary>Refuse to start without monitoring configured, instead of running with the gate off.</summary>
    public bool Required { get; set; }

    public bool IsConfigured => Prometheus.HasUrl || Alertmanager.HasUrl;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult($"Monitoring:Timeout must be more than 0 and at most 00:01:00, not {Timeout}.", [nameof(Timeout)]);
        }

        if (CheckInterval < TimeSpan.FromSeconds(1) || CheckInterval > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult($"Monitoring:CheckInterval must be between 00:00:01 and 01:00:00, not {CheckInterval}.", [nameof(CheckInterval)]);
        }

        if (DataUnavailableFor < TimeSpan.Zero || DataUnavailableFor > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult($"Monitoring:DataUnavailableFor must be between 00:00:00 and 01:00:00, not {DataUnavailableFor}.", [nameof(DataUnavailableFor)]);
        }

        if (!IsConfigured)
        {
            if (Required)
            {
                yield return new ValidationResult("Monitoring:Required is true but Monitoring:Prometheus:Url and Monitoring:Alertmanager:Url are not set.", [nameof(Required)]);
            }

            yield break;
        }

        // Seed 2's monitoring stack is Prometheus and Alertmanager together: half of it can't say "up".
        foreach (var result in Prometheus.Validate().Concat(Alertmanager.Validate()))
        {
            yield return result;
        }
    }
}
