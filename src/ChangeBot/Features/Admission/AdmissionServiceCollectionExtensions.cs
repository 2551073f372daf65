using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChangeBot.Features.Admission;

public static class AdmissionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ChangeAdmission"/> and default live-state ports (nothing active, monitoring up). Slices
    /// that know better register their own implementation of a port; the defaults are only added when none is.
    /// </summary>
    public static IServiceCollection AddChangeAdmission(this IServiceCollection services)
    {
        services.TryAddSingleton<NothingActive>();
        services.TryAddSingleton<IActiveIncidentSource>(sp => sp.GetRequiredService<NothingActive>());
        services.TryAddSingleton<IChangesInProgressSource>(sp => sp.GetRequiredService<NothingActive>());
        services.TryAddSingleton<IMonitoringStatusSource>(sp => sp.GetRequiredService<NothingActive>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<AdmissionMetrics>();
        services.TryAddSingleton<ChangeAdmission>();
        return services;
    }
}
