using FitCoach.Api.Auth;
using FitCoach.Application.Features.Leaderboards;

namespace FitCoach.Api.Security;

/// <summary>
/// Refuses to start Production with settings that are only safe on a developer's machine: development tokens (anyone
/// may mint a token for any user, tier and role), the signing key published in appsettings.Development.json (anyone
/// may sign their own), or no secret leaderboard pseudonym key (anyone who reads the code could compute the public
/// pseudonym of a guessed <c>sub</c>, an e-mail address say, and find that user on the boards).
/// </summary>
public static class ProductionConfigurationGuard
{
    /// <summary>The key appsettings.Development.json ships; a test keeps the two equal.</summary>
    public const string DevelopmentSigningKey = "fitcoach-development-signing-key-not-for-production-0123456789";

    /// <summary>The shortest <c>Leaderboards:PseudonymKey</c> Production accepts: 32 characters, as an HMAC-SHA256 key wants at least 256 bits.</summary>
    public const int MinimumPseudonymKeyLength = 32;

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

        var pseudonymKey = configuration[$"{LeaderboardOptions.Section}:{nameof(LeaderboardOptions.PseudonymKey)}"];
        var keyProblem = string.IsNullOrWhiteSpace(pseudonymKey) ? "not set"
            : pseudonymKey.Length < MinimumPseudonymKeyLength ? "shorter than 32 characters"
            : null;
        if (keyProblem is not null)
        {
            throw new InvalidOperationException(
                $"Leaderboards:PseudonymKey is {keyProblem} in Production: anyone who reads the code could test a guessed user id against the public leaderboard ids. Set Leaderboards:PseudonymKey (env Leaderboards__PseudonymKey) to a random secret of at least 32 characters, and keep it: changing it gives every user a new id on the boards.");
        }
    }
}
