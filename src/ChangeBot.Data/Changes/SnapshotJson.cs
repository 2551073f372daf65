using System.Text.Json;
using System.Text.Json.Serialization;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Data.Changes;

/// <summary>
/// How a change request's snapshot (and each revision's content) is written to the database: web defaults, enums by
/// name so a reordered enum cannot change what is stored.
/// </summary>
public static class SnapshotJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(ChangeRequestSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Options);

    public static string Serialize(ChangeRequestContent content) => JsonSerializer.Serialize(content, Options);

    public static ChangeRequestSnapshot Deserialize(string json) =>
        JsonSerializer.Deserialize<ChangeRequestSnapshot>(json, Options)
        ?? throw new JsonException("A stored change request snapshot is empty.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new ChangeIdJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
