using System.Text.Json;
using System.Text.Json.Serialization;
using ChangeBot.Domain.Changes;

namespace ChangeBot.Data.Changes;

/// <summary>Stores a <see cref="ChangeId"/> as its text, <c>"CR-2026-0451"</c>.</summary>
public sealed class ChangeIdJsonConverter : JsonConverter<ChangeId>
{
    public override ChangeId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ChangeId.TryParse(reader.GetString(), out var id)
            ? id
            : throw new JsonException($"'{reader.GetString()}' is not a change id.");

    public override void Write(Utf8JsonWriter writer, ChangeId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
