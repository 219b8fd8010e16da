namespace FitCoach.Application.Common.Ports;

public static class Tiers
{
    public const string Free = "free";
    public const string Premium = "premium";
    public const string Unlimited = "unlimited";

    public static readonly IReadOnlyList<string> All = [Free, Premium, Unlimited];

    /// <summary>A missing or unknown tier claim is treated as free.</summary>
    public static string Normalize(string? tier) =>
        tier is not null && All.Contains(tier.Trim().ToLowerInvariant()) ? tier.Trim().ToLowerInvariant() : Free;
}

/// <summary>The authenticated caller of the current request.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The <c>sub</c> claim; throws <see cref="Exceptions.UnauthorizedException"/> when not authenticated.</summary>
    string UserId { get; }

    string Tier { get; }

    bool IsAdmin { get; }
}
