using ChangeBot.Domain.Changes;

namespace ChangeBot.Data.Changes;

/// <summary>The stored snapshot and version of one change request, as Dapper reads them.</summary>
internal sealed class SnapshotRow
{
    public string Snapshot { get; set; } = string.Empty;

    public long Version { get; set; }

    public StoredChangeRequest ToStored() =>
        new(ChangeRequest.Rehydrate(SnapshotJson.Deserialize(Snapshot)), Version);
}
