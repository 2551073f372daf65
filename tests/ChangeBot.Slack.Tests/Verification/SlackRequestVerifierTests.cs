using System.Text;
using ChangeBot.Slack.Verification;
using ChangeBot.Testing.Slack;
using Microsoft.Extensions.Time.Testing;

namespace ChangeBot.Slack.Tests.Verification;

public class SlackRequestVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("token=x&team_id=T1&command=%2Fchange&text=help");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private long Now => _time.GetUtcNow().ToUnixTimeSeconds();

    private SlackVerificationResult Verify(string? timestamp, string? signature, byte[]? body = null, string secret = Secret) =>
        new SlackRequestVerifier(_time).Verify(secret, timestamp, signature, body ?? Body);

    private string Ts(long offset = 0) => (Now + offset).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Verify_GoodSignature_IsValid()
    {
        var result = Verify(Ts(), SlackRequestSigner.Signature(Secret, Now, Body));

        Assert.True(result.IsValid, result.Reason);
    }

    [Fact]
    public void Verify_UppercaseHexSignature_IsValid()
    {
        var result = Verify(Ts(), SlackRequestSigner.Signature(Secret, Now, Body).ToUpperInvariant().Replace("V0=", "v0=", StringComparison.Ordinal));

        Assert.True(result.IsValid, result.Reason);
    }

    [Fact]
    public void Verify_WrongSecret_Mismatch()
    {
        var result = Verify(Ts(), SlackRequestSigner.Signature("another-secret", Now, Body));

        Assert.False(result.IsValid);
        Assert.Equal("signature mismatch", result.Reason);
    }

    [Fact]
    public void Verify_BodyChangedByOneByte_Mismatch()
    {
        var signature = SlackRequestSigner.Signature(Secret, Now, Body);
        var tampered = (byte[])Body.Clone();
        tampered[^1] ^= 1;

        var result = Verify(Ts(), signature, tampered);

        Assert.False(result.IsValid);
        Assert.Equal("signature mismatch", result.Reason);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Verify_TimestampOutsideFiveMinutes_Rejected(long offset)
    {
        var result = Verify(Ts(offset), SlackRequestSigner.Signature(Secret, Now + offset, Body));

        Assert.False(result.IsValid);
        Assert.Equal("timestamp outside the 5-minute window", result.Reason);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Verify_TimestampAtTheEdgeOfTheWindow_IsValid(long offset)
    {
        var result = Verify(Ts(offset), SlackRequestSigner.Signature(Secret, Now + offset, Body));

        Assert.True(result.IsValid, result.Reason);
    }

    [Fact]
    public void Verify_ReplayInsideTheWindow_IsValidBecauseSlackHasNoNonce()
    {
        var signature = SlackRequestSigner.Signature(Secret, Now, Body);
        var timestamp = Ts();
        Assert.True(Verify(timestamp, signature).IsValid);

        _time.Advance(TimeSpan.FromSeconds(120));

        Assert.True(Verify(timestamp, signature).IsValid);
    }

    [Theory]
    [InlineData(null, "v0=abc", "missing X-Slack-Request-Timestamp header")]
    [InlineData("", "v0=abc", "missing X-Slack-Request-Timestamp header")]
    [InlineData("now", "v0=abc", "malformed X-Slack-Request-Timestamp header")]
    [InlineData("-12", "v0=abc", "malformed X-Slack-Request-Timestamp header")]
    [InlineData("TS", null, "missing X-Slack-Signature header")]
    [InlineData("TS", "abcdef", "malformed X-Slack-Signature header")]
    [InlineData("TS", "v0=abc", "malformed X-Slack-Signature header")]
    [InlineData("TS", "v1=0000000000000000000000000000000000000000000000000000000000000000", "unsupported signature version")]
    public void Verify_MissingOrMalformedHeaders_RejectedWithReason(string? timestamp, string? signature, string reason)
    {
        var result = Verify(timestamp == "TS" ? Ts() : timestamp, signature);

        Assert.False(result.IsValid);
        Assert.Equal(reason, result.Reason);
    }
}
