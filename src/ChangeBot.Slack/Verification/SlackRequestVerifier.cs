using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChangeBot.Slack.Verification;

/// <summary>
/// Slack's request signature v0: HMAC-SHA256 over <c>v0:{timestamp}:{raw body}</c>, compared in constant
/// time, with a five-minute window against replays of old captures. Slack's contract has no nonce, so a
/// replay inside the window is accepted.
/// </summary>
public sealed class SlackRequestVerifier(TimeProvider time)
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private const string Version = "v0";
    private const int HexLength = 64;

    public SlackVerificationResult Verify(string signingSecret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        if (string.IsNullOrEmpty(timestampHeader))
        {
            return SlackVerificationResult.Invalid($"missing {TimestampHeader} header");
        }

        if (string.IsNullOrEmpty(signatureHeader))
        {
            return SlackVerificationResult.Invalid($"missing {SignatureHeader} header");
        }

        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return SlackVerificationResult.Invalid($"malformed {TimestampHeader} header");
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (Math.Abs(now - timestamp) > (long)Window.TotalSeconds)
        {
            return SlackVerificationResult.Invalid("timestamp outside the 5-minute window");
        }

        var separator = signatureHeader.IndexOf('=', StringComparison.Ordinal);
        if (separator < 0)
        {
            return SlackVerificationResult.Invalid($"malformed {SignatureHeader} header");
        }

        if (!signatureHeader.AsSpan(0, separator).SequenceEqual(Version))
        {
            return SlackVerificationResult.Invalid("unsupported signature version");
        }

        if (signatureHeader.Length - separator - 1 != HexLength)
        {
            return SlackVerificationResult.Invalid($"malformed {SignatureHeader} header");
        }

        Span<byte> claimed = stackalloc byte[HexLength / 2];
        if (Convert.FromHexString(signatureHeader.AsSpan(separator + 1), claimed, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != claimed.Length)
        {
            return SlackVerificationResult.Invalid($"malformed {SignatureHeader} header");
        }

        Span<byte> expected = stackalloc byte[HexLength / 2];
        Compute(signingSecret, timestampHeader, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed)
            ? SlackVerificationResult.Valid
            : SlackVerificationResult.Invalid("signature mismatch");
    }

    // The MAC over "v0:{timestamp}:{body}", fed in pieces so the body is never copied.
    private static void Compute(string secret, string timestamp, ReadOnlySpan<byte> body, Span<byte> mac)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes($"{Version}:{timestamp}:"));
        hmac.AppendData(body);
        hmac.GetHashAndReset(mac);
    }
}
