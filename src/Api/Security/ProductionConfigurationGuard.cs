using FitCoach.Api.Auth;

namespace FitCoach.Api.Security;

/// <summary>
/// Refuses to start Production with settings that are only safe on a developer's machine: development tokens (anyone
/// may mint a token for any user, tier and role) or the signing key published in appsettings.Development.json
/// (anyone may sign their own).
/// </summary>
public static class ProductionConfigurationGuard
{
    /// <summary>The key appsettings.Development.json ships; a test keeps the two equal.</summary>
    public const string DevelopmentSigningKey = "fitcoach-development-signing-key-not-for-production-0123456789";

    public static void ThrowIfUnsafe(IHostEnvironment environment, IConfiguration configuration)
    {
        if (!environment.IsProduction())
        {
            return;
        }

        var auth = configuration.GetSection(AuthOptions.Section);
        if (auth.GetValue<bool>(nameof(AuthOptions.DevTokens)))
        {
            throw new InvalidOperationException(
                "Auth:DevTokens is true in Production: anyone could mint tokens for any user. Set Auth:DevTokens (env Auth__DevTokens) to false.");
        }

        if (string.Equals(auth[nameof(AuthOptions.SigningKey)], DevelopmentSigningKey, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                "Auth:SigningKey is the development key from appsettings.Development.json, which is public. Set Auth:SigningKey (env Auth__SigningKey) to a secret of at least 32 bytes, or use Auth:Authority.");
        }
    }
}
