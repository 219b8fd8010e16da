using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FitCoach.Api.IntegrationTests.Security;

/// <summary>
/// The API as Production starts it (no appsettings.Development.json), with a production signing key and leaderboard
/// pseudonym key; a test that gives either setting (even as null, meaning unset) gets its own value instead.
/// </summary>
public sealed class ProductionApiFactory(Dictionary<string, string?> settings) : ConfiguredApiFactory(WithProductionKeys(settings))
{
    public const string SigningKey = "production-security-test-signing-key-0123456789";

    public const string PseudonymKey = "production-test-leaderboard-pseudonym-key-0123456789";

    public ProductionApiFactory()
        : this([])
    {
    }

    public static string Token(string userId, TimeProvider time) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "fitcoach",
        Audience = "fitcoach-api",
        Claims = new Dictionary<string, object> { ["sub"] = userId, ["tier"] = "free" },
        Expires = time.GetUtcNow().AddMinutes(10).UtcDateTime,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }

    /// <summary>The production keys, unless <paramref name="settings"/> gives its own.</summary>
    public static Dictionary<string, string?> WithProductionKeys(Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings);
        all.TryAdd("Auth:SigningKey", SigningKey);
        all.TryAdd("Leaderboards:PseudonymKey", PseudonymKey);
        return all;
    }
}
