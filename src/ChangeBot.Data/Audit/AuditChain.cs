using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChangeBot.Data.Audit;

/// <summary>The SHA-256 chain: each entry's hash covers its own fields and the hash of the entry before it.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of entry 1.</summary>
    public static string Genesis { get; } = new('0', 64);

    public static string HashOf(long seq, long atMilliseconds, string actor, string source, string action, string? changeId, string details, string previousHash)
    {
        // Lengths before each field, so no two different entries can produce the same text by moving a separator.
        var text = new StringBuilder();
        foreach (var field in new[]
        {
            seq.ToString(CultureInfo.InvariantCulture), atMilliseconds.ToString(CultureInfo.InvariantCulture),
            actor, source, action, changeId ?? string.Empty, details, previousHash,
        })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static string HashOf(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return HashOf(record.Seq, record.At.ToUnixTimeMilliseconds(), record.Actor, record.Source, record.Action, record.ChangeId, record.Details, record.PreviousHash);
    }
}
