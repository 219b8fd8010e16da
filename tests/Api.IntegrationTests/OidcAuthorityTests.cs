using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

/// <summary>
/// With <c>Auth:Authority</c> set, tokens are validated against that issuer's discovery document and JWKS. A real
/// identity-provider stand-in (Kestrel on loopback serving both documents with an RSA key) proves the wiring.
/// </summary>
public sealed class OidcAuthorityTests : IAsyncLifetime
{
    private readonly RSA _rsa = RSA.Create(2048);
    private WebApplication? _provider;
    private string _authority = string.Empty;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _provider = builder.Build();
        var key = new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = "test-key" };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
        _provider.MapGet("/.well-known/openid-configuration", (HttpContext context) => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = _authority,
            ["jwks_uri"] = $"{_authority}/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        }));
        _provider.MapGet("/jwks", () => Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } }));
        await _provider.StartAsync(TestContext.Current.CancellationToken);
        _authority = _provider.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
    }

    public async ValueTask DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        _rsa.Dispose();
    }

    private string ProviderToken(string audience) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = _authority,
        Audience = audience,
        Claims = new Dictionary<string, object> { ["sub"] = "oidc-user", ["tier"] = "premium" },
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "test-key" }, SecurityAlgorithms.RsaSha256),
    });

    private ConfiguredApiFactory Api() => new(new Dictionary<string, string?>
    {
        ["Auth:Authority"] = _authority,
        ["Auth:RequireHttpsMetadata"] = "false",
    });

    private static async Task<HttpStatusCode> GetWithTokenAsync(ConfiguredApiFactory api, string token)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/api/exercises?limit=1", TestContext.Current.CancellationToken)).StatusCode;
    }

    [Fact]
    public async Task TokenSignedByTheAuthority_IsAccepted()
    {
        using var api = Api();

        Assert.Equal(HttpStatusCode.OK, await GetWithTokenAsync(api, ProviderToken("fitcoach-api")));
    }

    [Fact]
    public async Task TokenForAnotherAudience_IsRejected()
    {
        using var api = Api();

        Assert.Equal(HttpStatusCode.Unauthorized, await GetWithTokenAsync(api, ProviderToken("someone-else")));
    }

    [Fact]
    public async Task DevTokenSignedWithTheLocalKey_IsRejectedOnceAnAuthorityIsConfigured()
    {
        using var api = Api();
        var devToken = (await (await api.CreateClient().PostAsync(
                "/api/auth/dev-token",
                new StringContent("{\"userId\":\"dev\"}", System.Text.Encoding.UTF8, "application/json"),
                TestContext.Current.CancellationToken)).JsonAsync())
            .GetProperty("token").GetString()!;

        Assert.Equal(HttpStatusCode.Unauthorized, await GetWithTokenAsync(api, devToken));
    }
}
