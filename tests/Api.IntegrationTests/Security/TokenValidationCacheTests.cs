using System.Security.Claims;
using System.Text;
using FitCoach.Api.Auth;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Security;

/// <summary>
/// The bearer-token cache answers a token it has seen valid without validating it again, but never a token that
/// failed, never past the token's expiry or the cache lifetime, never with an identity another request can change,
/// and never more tokens than its bound.
/// </summary>
public sealed class TokenValidationCacheTests
{
    /// <summary>One clock for the tokens, the cache and the validation inside it: the fake one, starting here.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("token-cache-tests-signing-key-0123456789abcdef"));

    private readonly FakeTimeProvider _time = new(Now);
    private readonly CountingHandler _inner = new();

    private TokenValidationParameters Parameters => new()
    {
        ValidIssuer = "fitcoach",
        ValidAudience = "fitcoach-api",
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = "sub",
        ClockSkew = TimeSpan.Zero,
        // The inner handler judges a token's lifetime by the test's clock, as the cache does, not by the wall clock.
        LifetimeValidator = (notBefore, expires, _, _) =>
            (notBefore is null || notBefore <= _time.GetUtcNow().UtcDateTime) && (expires is null || _time.GetUtcNow().UtcDateTime < expires),
    };

    private CachingTokenHandler Handler(TimeSpan? lifetime = null, int capacity = 100) =>
        new(_inner, _time, lifetime ?? TimeSpan.FromMinutes(5), capacity);

    private static string Token(string sub, TimeSpan validFor, SecurityKey? key = null, Dictionary<string, object>? extra = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "fitcoach",
            Audience = "fitcoach-api",
            Claims = new Dictionary<string, object>(extra ?? []) { ["sub"] = sub, ["tier"] = "free" },
            IssuedAt = Now.UtcDateTime,
            NotBefore = Now.UtcDateTime,
            Expires = (Now + validFor).UtcDateTime,
            SigningCredentials = new SigningCredentials(key ?? Key, SecurityAlgorithms.HmacSha256),
        });

    [Fact]
    public async Task AValidToken_IsValidatedOnce_ThenAnsweredFromMemory_WithTheSameClaims()
    {
        using var handler = Handler();
        var token = Token("alice", TimeSpan.FromHours(1));

        var first = await handler.ValidateTokenAsync(token, Parameters);
        var second = await handler.ValidateTokenAsync(token, Parameters);

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _inner.Calls);
        Assert.Equal("alice", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Equal("free", second.ClaimsIdentity.FindFirst("tier")?.Value);
        Assert.Equal("alice", second.ClaimsIdentity.Name);
        Assert.True(second.ClaimsIdentity.IsAuthenticated);
        Assert.Equal(first.SecurityToken.ValidTo, second.SecurityToken.ValidTo);
    }

    [Fact]
    public async Task AnswersFromMemory_MatchClaimTypesAsExactlyAsTheFirstValidation()
    {
        using var handler = Handler();
        var token = Token("frank", TimeSpan.FromHours(1), extra: new Dictionary<string, object> { ["Role"] = "admin" });

        var first = await handler.ValidateTokenAsync(token, Parameters);
        var second = await handler.ValidateTokenAsync(token, Parameters);

        Assert.Equal(first.ClaimsIdentity.GetType(), second.ClaimsIdentity.GetType());
        Assert.False(first.ClaimsIdentity.HasClaim("role", "admin"));
        Assert.False(second.ClaimsIdentity.HasClaim("role", "admin")); // "Role" is not "role"
        Assert.True(second.ClaimsIdentity.HasClaim("Role", "admin"));
        Assert.Equal(1, _inner.Calls);
    }

    [Fact]
    public async Task AnInvalidToken_IsNeverRemembered()
    {
        using var handler = Handler();
        var forged = Token("mallory", TimeSpan.FromHours(1), new SymmetricSecurityKey(Encoding.UTF8.GetBytes("some-other-key-that-nobody-configured-0123456789")));

        var first = await handler.ValidateTokenAsync(forged, Parameters);
        var second = await handler.ValidateTokenAsync(forged, Parameters);

        Assert.False(first.IsValid);
        Assert.False(second.IsValid);
        Assert.Equal(2, _inner.Calls);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task ATokenPastItsExpiry_IsValidatedAgain_NotAnsweredFromMemory()
    {
        using var handler = Handler(TimeSpan.FromMinutes(30));
        var token = Token("bob", TimeSpan.FromMinutes(2));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.Equal(1, _inner.Calls);

        _time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.False((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task ALongLivedToken_IsValidatedAgain_AfterTheCacheLifetime()
    {
        using var handler = Handler(TimeSpan.FromMinutes(5));
        var token = Token("carol", TimeSpan.FromHours(12));
        await handler.ValidateTokenAsync(token, Parameters);

        _time.Advance(TimeSpan.FromMinutes(4));
        await handler.ValidateTokenAsync(token, Parameters);
        Assert.Equal(1, _inner.Calls);

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task ChangingOneRequestsIdentity_DoesNotReachTheNext()
    {
        using var handler = Handler();
        var token = Token("dave", TimeSpan.FromHours(1));
        var first = await handler.ValidateTokenAsync(token, Parameters);
        first.ClaimsIdentity.AddClaim(new Claim("role", "admin"));

        var second = await handler.ValidateTokenAsync(token, Parameters);
        second.ClaimsIdentity.AddClaim(new Claim("role", "admin"));
        var third = await handler.ValidateTokenAsync(token, Parameters);

        Assert.Null(third.ClaimsIdentity.FindFirst("role"));
        Assert.NotSame(second.ClaimsIdentity, third.ClaimsIdentity);
    }

    [Fact]
    public async Task ZeroLifetime_ValidatesEveryRequest()
    {
        using var handler = Handler(TimeSpan.Zero);
        var token = Token("erin", TimeSpan.FromHours(1));

        await handler.ValidateTokenAsync(token, Parameters);
        await handler.ValidateTokenAsync(token, Parameters);

        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task ManyDistinctTokens_StayWithinTheBound()
    {
        using var handler = Handler(capacity: 20);
        for (var i = 0; i < 500; i++)
        {
            Assert.True((await handler.ValidateTokenAsync(Token($"user-{i}", TimeSpan.FromHours(1)), Parameters)).IsValid);
            Assert.InRange(handler.Count, 0, 20);
        }
    }

    [Theory]
    [InlineData("Auth:ValidationCacheEntries", "0")]
    [InlineData("Auth:ValidationCacheLifetime", "00:00:00")]
    public async Task SwitchedOff_TheApiStillAuthenticatesEveryRequest(string setting, string value)
    {
        using var factory = new ConfiguredApiFactory(new() { [setting] = value });
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        for (var i = 0; i < 3; i++)
        {
            var response = await client.GetAsync("/api/users/me/profile", TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
    }

    private sealed class CountingHandler : JsonWebTokenHandler
    {
        private int _calls;

        public CountingHandler() => MapInboundClaims = false;

        public int Calls => _calls;

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Interlocked.Increment(ref _calls);
            return base.ValidateTokenAsync(token, validationParameters);
        }
    }
}
