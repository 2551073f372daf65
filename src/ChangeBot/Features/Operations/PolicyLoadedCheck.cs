using ChangeBot.Features.Policy;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChangeBot.Features.Operations;

/// <summary>Ready once the policy file loaded (the start refuses an invalid one, so this names which file runs).</summary>
internal sealed class PolicyLoadedCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var policy = services.GetRequiredService<LoadedPolicy>();
            return Task.FromResult(HealthCheckResult.Healthy($"policy '{policy.Policy.Name}' loaded from {policy.Source}"));
        }
        catch (PolicyFileException invalid)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"the policy file is invalid: {invalid.Message}"));
        }
    }
}
