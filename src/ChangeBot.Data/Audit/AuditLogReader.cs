using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChangeBot.Data.Sql;
using Dapper;

namespace ChangeBot.Data.Audit;

/// <summary>Checks the audit chain and exports entries; appending happens only through a <see cref="UnitOfWork"/>.</summary>
public sealed class AuditLogReader(ISqlDialect dialect)
{
    private const string Columns = "seq, at, actor, source, action, change_id, details, previous_hash, hash";

    /// <summary>Walks the whole chain from entry 1 and names the first entry that is not what was written.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var expectedSeq = 1L;
        var previous = AuditChain.Genesis;
        await foreach (var record in ReadAsync($"SELECT {Columns} FROM audit_log ORDER BY seq", null, cancellationToken))
        {
            string? problem = null;
            if (record.Seq != expectedSeq)
            {
                problem = record.Seq > expectedSeq
                    ? Invariant($"entries {expectedSeq} to {record.Seq - 1} are missing before it")
                    : "its number repeats an earlier entry";
            }
            else if (!string.Equals(record.PreviousHash, previous, StringComparison.Ordinal))
            {
                problem = "it does not follow the entry before it (the previous hash differs)";
            }
            else if (!string.Equals(record.Hash, AuditChain.HashOf(record), StringComparison.Ordinal))
            {
                problem = "its content was altered after it was written (the hash does not match)";
            }

            if (problem is not null)
            {
                return new AuditVerification(false, expectedSeq - 1, record.Seq, Invariant(
                    $"The audit chain is broken at entry {record.Seq} ({record.At:yyyy-MM-dd'T'HH:mm:ss'Z'}, {record.Actor}, {record.Action}{(record.ChangeId is null ? string.Empty : " on " + record.ChangeId)}): {problem}. The {expectedSeq - 1} entries before it are intact."));
            }

            previous = record.Hash;
            expectedSeq++;
        }

        return new AuditVerification(true, expectedSeq - 1, null, Invariant($"The audit chain is intact: {expectedSeq - 1} {(expectedSeq - 1 == 1 ? "entry" : "entries")} checked."));
    }

    /// <summary>Entries at or after <paramref name="from"/> and before <paramref name="to"/>, oldest first.</summary>
    public IAsyncEnumerable<AuditRecord> BetweenAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken) =>
        ReadAsync(
            $"SELECT {Columns} FROM audit_log WHERE at >= @From AND at < @To ORDER BY seq",
            new { From = from?.ToUnixTimeMilliseconds() ?? long.MinValue, To = to?.ToUnixTimeMilliseconds() ?? long.MaxValue },
            cancellationToken);

    /// <summary>Writes entries as JSON lines: one object per line, details embedded as JSON.</summary>
    public async Task<int> ExportAsync(TextWriter output, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var count = 0;
        await foreach (var record in BetweenAsync(from, to, cancellationToken))
        {
            using var details = JsonDocument.Parse(record.Details);
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                seq = record.Seq,
                at = record.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                actor = record.Actor,
                source = record.Source,
                action = record.Action,
                change = record.ChangeId,
                details = details.RootElement,
                previousHash = record.PreviousHash,
                hash = record.Hash,
            }));
            count++;
        }

        return count;
    }

    private async IAsyncEnumerable<AuditRecord> ReadAsync(string sql, object? parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        // Unbuffered: an audit log grows for years, and export streams it.
        await foreach (var row in connection.QueryUnbufferedAsync<AuditRow>(sql, parameters).WithCancellation(cancellationToken))
        {
            yield return new AuditRecord(row.Seq, DateTimeOffset.FromUnixTimeMilliseconds(row.At), row.Actor, row.Source, row.Action, row.ChangeId, row.Details, row.PreviousHash, row.Hash);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class AuditRow
    {
        public long Seq { get; set; }

        public long At { get; set; }

        public string Actor { get; set; } = string.Empty;

        public string Source { get; set; } = string.Empty;

        public string Action { get; set; } = string.Empty;

        public string? ChangeId { get; set; }

        public string Details { get; set; } = string.Empty;

        public string PreviousHash { get; set; } = string.Empty;

        public string Hash { get; set; } = string.Empty;
    }
}
