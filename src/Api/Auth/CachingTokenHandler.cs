using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FitCoach.Api.Auth;

/// <summary>
/// Remembers which bearer tokens the wrapped <see cref="JsonWebTokenHandler"/> found valid, so a client that sends the
/// same token with every request (all of them do, for the token's lifetime) pays for parsing, the signature check and
/// the claims once per <see cref="AuthOptions.ValidationCacheLifetime"/> instead of per request: about a tenth of an
/// authenticated request's CPU (docs/BENCHMARKS.md).
/// <list type="bullet">
/// <item>Only successes are kept; a token that fails is validated in full every time it is sent.</item>
/// <item>A kept token is answered from memory only while it has not expired (its <c>exp</c>, without the clock skew
/// the full check allows) and for at most the configured lifetime, so a signing key that is rotated out stops
/// working within that lifetime.</item>
/// <item>Each answer carries its own copy of the identity, so nothing a request does to its user reaches another.</item>
/// <item>At most <see cref="AuthOptions.ValidationCacheEntries"/> tokens are kept (least recently used out first).</item>
/// </list>
/// The handler serves one authentication scheme, whose validation parameters do not change with the request.
/// </summary>
public sealed class CachingTokenHandler : TokenHandler, IDisposable
{
    private readonly JsonWebTokenHandler _inner;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly MemoryCache _validated;

    public CachingTokenHandler(JsonWebTokenHandler inner, TimeProvider time, TimeSpan lifetime, int capacity)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _inner = inner;
        _time = time;
        _lifetime = lifetime;
        _validated = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.2 });
    }

    /// <summary>Tokens kept now.</summary>
    public int Count => _validated.Count;

    public override SecurityToken ReadToken(string token) => _inner.ReadToken(token);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = _time.GetUtcNow();
        if (token is not null && _validated.TryGetValue(token, out Validated? known) && known!.Until > now)
        {
            return new TokenValidationResult
            {
                IsValid = true,
                SecurityToken = known.Token,
                ClaimsIdentity = Copy(known.Identity),
                Issuer = known.Issuer,
                TokenType = known.TokenType,
            };
        }

        var result = await _inner.ValidateTokenAsync(token, validationParameters);
        if (_lifetime > TimeSpan.Zero && result.IsValid && result.SecurityToken is { } validated && result.ClaimsIdentity is { } identity)
        {
            var expires = validated.ValidTo == DateTime.MinValue ? DateTimeOffset.MaxValue : new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc));
            var until = expires < now + _lifetime ? expires : now + _lifetime;
            if (until > now)
            {
                _validated.Set(token!, new Validated(validated, Copy(identity), result.Issuer, result.TokenType, until), new MemoryCacheEntryOptions
                {
                    Size = 1,
                    AbsoluteExpirationRelativeToNow = until - now,
                });
            }
        }

        return result;
    }

    public void Dispose() => _validated.Dispose();

    /// <summary>
    /// A copy of the same kind: the handler's <see cref="CaseSensitiveClaimsIdentity"/> matches claim types exactly,
    /// and <see cref="ClaimsIdentity.Clone"/> would give a plain identity that ignores case ("Role" read as "role").
    /// </summary>
    private static ClaimsIdentity Copy(ClaimsIdentity identity) =>
        identity is CaseSensitiveClaimsIdentity ? new CaseSensitiveClaimsIdentity(identity) : identity.Clone();

    private sealed record Validated(SecurityToken Token, ClaimsIdentity Identity, string? Issuer, string? TokenType, DateTimeOffset Until);
}
