using System.Text.Json;
using ChangeBot.Data.Operations;
using ChangeBot.Domain.Admission;
using ChangeBot.Domain.Changes;
using ChangeBot.Features.Changes;

namespace ChangeBot.Features.Execution;

/// <summary>The overrides recorded for a change, read back for admission (which ignores the expired ones).</summary>
internal sealed class StoredAdmissionOverrides(OperationsQueries queries) : IAdmissionOverrideSource
{
    public async ValueTask<IReadOnlyList<AdmissionOverride>> ForChangeAsync(ChangeId id, CancellationToken cancellationToken)
    {
        var records = await queries.OverridesForAsync(id, cancellationToken).ConfigureAwait(false);
        return [.. records.Select(record => ToOverride(id, record)).OfType<AdmissionOverride>()];
    }

    private static AdmissionOverride? ToOverride(ChangeId id, OverrideRecord record)
    {
        try
        {
            // A rule lift is recorded with its rule as the kind; other kinds (lock exceptions) are read by their own slice.
            var details = JsonSerializer.Deserialize<OverrideDetails>(record.DetailsJson, AdmissionOverrides.Web);
            return details?.Rule is { } rule && string.Equals(rule, record.Kind, StringComparison.OrdinalIgnoreCase)
                ? new AdmissionOverride(rule, id, record.GrantedBy, record.Reason, details.ExpiresAt)
                : null;
        }
        catch (JsonException)
        {
            // Another kind of override record (not an admission rule lift) may share the table; it lifts nothing here.
            return null;
        }
    }
}
