using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChangeBot.Features.Api;

/// <summary>
/// Lets a request through only with <c>Authorization: Bearer &lt;token&gt;</c> naming a configured token; otherwise
/// 401 with a JSON reason. Tokens are compared as SHA-256 digests with a fixed-time comparison, so neither their
/// content nor their length leaks through timing; they are never logged.
/// </summary>
internal sealed class ApiTokenFilter : IEndpointFilter
{
    private readonly byte[][] _digests;

    public ApiTokenFilter(IOptions<ApiOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _digests = [.. options.Value.Tokens.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => Digest(t.Trim()))];
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        if (_digests.Length == 0)
        {
            return Refuse("The API is disabled: no tokens are configured (ChangeBot:Api:Tokens).");
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse("Send a bearer token: Authorization: Bearer <token>.");
        }

        var presented = Digest(header["Bearer ".Length..].Trim());
        var match = false;
        foreach (var digest in _digests)
        {
            // No early exit: every configured token is compared, whatever matches.
            match |= CryptographicOperations.FixedTimeEquals(digest, presented);
        }

        return match ? await next(context).ConfigureAwait(false) : Refuse("The bearer token is not valid.");
    }

    private static IResult Refuse(string reason) =>
        Results.Json(new ApiError(reason), statusCode: StatusCodes.Status401Unauthorized);

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
