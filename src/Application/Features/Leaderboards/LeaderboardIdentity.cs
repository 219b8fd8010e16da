using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace FitCoach.Application.Features.Leaderboards;

/// <summary>Configuration section <c>Leaderboards</c>.</summary>
public sealed class LeaderboardOptions
{
    public const string Section = "Leaderboards";

    /// <summary>
    /// The HMAC key behind the pseudonymous ids on public boards. Set a secret of its own in production: without it the
    /// ids are still stable and not the <c>sub</c>, but anyone who knows this code could test a guessed <c>sub</c>.
    /// </summary>
    public string PseudonymKey { get; set; } = "";
}

/// <summary>
/// The id a user has on the public boards: <c>p_</c> and 20 hex digits of HMAC-SHA256 over the token's <c>sub</c>.
/// Stable across instances and restarts (so ranks and "me" line up), never the <c>sub</c> itself (which may be an
/// e-mail address), and not reversible without the key. Boards store only these ids.
/// </summary>
public sealed class LeaderboardIdentity(IOptions<LeaderboardOptions> options)
{
    private const string DefaultKey = "fitcoach-leaderboards";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(string.IsNullOrEmpty(options.Value.PseudonymKey) ? DefaultKey : options.Value.PseudonymKey);

    public string PseudonymOf(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return "p_" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(userId)))[..20];
    }
}
