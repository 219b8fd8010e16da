using System.Security.Claims;
using System.Text;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FitCoach.Api.Auth;

public static class AuthSetup
{
    public const string SubjectClaim = "sub";
    public const string TierClaim = "tier";
    public const string RoleClaim = "role";
    public const string AdminRole = "admin";

    public static IServiceCollection AddFitCoachAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (string.IsNullOrWhiteSpace(options.Authority) && Encoding.UTF8.GetByteCount(options.SigningKey ?? string.Empty) < 32)
        {
            throw new InvalidOperationException(
                "Auth:SigningKey must be set to at least 32 bytes (env Auth__SigningKey), or Auth:Authority to an OIDC issuer.");
        }

        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.AddSingleton<DevTokenIssuer>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();

        services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                // Keep "sub", "tier" and "role" as they are in the token instead of mapping them to WS-* URIs.
                jwt.MapInboundClaims = false;
                // Nothing reads the raw token back from the authentication properties; storing it cost every request.
                jwt.SaveToken = false;
                if (!string.IsNullOrWhiteSpace(options.Authority))
                {
                    jwt.Authority = options.Authority;
                    jwt.Audience = options.Audience;
                    jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
                    jwt.TokenValidationParameters.NameClaimType = SubjectClaim;
                    jwt.TokenValidationParameters.RoleClaimType = RoleClaim;
                }
                else
                {
                    jwt.TokenValidationParameters = new TokenValidationParameters
                    {
                        ValidIssuer = options.Issuer,
                        ValidAudience = options.Audience,
                        IssuerSigningKey = SigningKey(options),
                        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                        NameClaimType = SubjectClaim,
                        RoleClaimType = RoleClaim,
                        ClockSkew = TimeSpan.FromSeconds(30),
                    };
                }
            });
        // After the options above: swap the default handler for the same one behind a cache of tokens found valid
        // (unless the cache is switched off with a zero lifetime or no entries).
        if (options.ValidationCacheLifetime > TimeSpan.Zero && options.ValidationCacheEntries > 0)
        {
            services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).PostConfigure<TimeProvider>((jwt, time) =>
            {
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new CachingTokenHandler(
                    new JsonWebTokenHandler { MapInboundClaims = false }, time, options.ValidationCacheLifetime, options.ValidationCacheEntries));
            });
        }
        services.AddAuthorization();
        return services;
    }

    internal static SymmetricSecurityKey SigningKey(AuthOptions options) =>
        new(Encoding.UTF8.GetBytes(options.SigningKey!));
}

/// <summary>Issues HS256 tokens for local development and tests (<c>Auth:DevTokens</c>).</summary>
public sealed class DevTokenIssuer(Microsoft.Extensions.Options.IOptions<AuthOptions> options, TimeProvider time)
{
    public (string Token, DateTimeOffset ExpiresAt) Issue(string userId, string tier, bool admin)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var expires = now + settings.DevTokenLifetime;
        var claims = new Dictionary<string, object>
        {
            [AuthSetup.SubjectClaim] = userId,
            [AuthSetup.TierClaim] = tier,
        };
        if (admin)
        {
            claims[AuthSetup.RoleClaim] = AuthSetup.AdminRole;
        }

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(AuthSetup.SigningKey(settings), SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}

public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public string UserId =>
        IsAuthenticated && Principal!.FindFirstValue(AuthSetup.SubjectClaim) is { Length: > 0 } sub
            ? sub
            : throw new UnauthorizedException("A bearer token with a 'sub' claim is required.");

    public string Tier => Tiers.Normalize(Principal?.FindFirstValue(AuthSetup.TierClaim));

    public bool IsAdmin => Principal?.HasClaim(AuthSetup.RoleClaim, AuthSetup.AdminRole) == true;
}
