namespace FitCoach.Api.Auth;

/// <summary>Configuration section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HS256 signing key (at least 32 bytes). Required unless <see cref="Authority"/> is set.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "fitcoach";

    public string Audience { get; set; } = "fitcoach-api";

    /// <summary>An OIDC authority; when set, tokens are validated against its JWKS instead of the HS256 key.</summary>
    public string? Authority { get; set; }

    /// <summary>Whether the authority's metadata must come over HTTPS (turn off only for a loopback identity provider).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Enables <c>POST /api/auth/dev-token</c>. True in Development (appsettings.Development.json), false otherwise.</summary>
    public bool DevTokens { get; set; }

    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How long a token found valid is answered from memory (never past its <c>exp</c>): the longest a signing key
    /// that is rotated out keeps working. Zero validates every request in full.
    /// </summary>
    public TimeSpan ValidationCacheLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Valid tokens kept in memory at most (least recently used out first); zero switches the cache off.</summary>
    public int ValidationCacheEntries { get; set; } = 10_000;
}
