using FitCoach.Application.Common.Ports;

namespace FitCoach.Application.Common.RateLimiting;

/// <summary>The contract's route groups.</summary>
public static class RateLimitGroups
{
    public const string Voice = "voice";
    public const string Classify = "classify";
    public const string Coach = "coach";
    public const string Injury = "injury";
    public const string Program = "program";
    public const string AiOther = "ai-other";

    /// <summary><c>GET /api/exercises</c>: each distinct query is ranked and may be cached, so callers are bounded.</summary>
    public const string Catalog = "catalog";

    /// <summary><c>POST /api/workouts</c>: every workout is stored for good and may feed the boards.</summary>
    public const string Workouts = "workouts";

    /// <summary><c>POST /api/sessions</c>: each start keeps a session for a day.</summary>
    public const string Sessions = "sessions";

    public static readonly IReadOnlyList<string> All = [Voice, Classify, Coach, Injury, Program, AiOther, Catalog, Workouts, Sessions];
}

/// <summary>One group's window and per-tier limits (configuration section <c>RateLimiting:Groups:&lt;group&gt;</c>).</summary>
public sealed class RateLimitGroupOptions
{
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests per window by tier; the <c>unlimited</c> tier is never limited and needs no entry.</summary>
    public Dictionary<string, int> Limits { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    public Dictionary<string, RateLimitGroupOptions> Groups { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The policy for a group and tier; null for the unlimited tier.</summary>
    public RateLimitPolicy? Resolve(string group, string tier)
    {
        if (tier == Tiers.Unlimited)
        {
            return null;
        }

        if (!Groups.TryGetValue(group, out var options))
        {
            throw new InvalidOperationException($"Rate-limit group '{group}' is not configured under {Section}:Groups.");
        }

        if (!options.Limits.TryGetValue(tier, out var limit) && !options.Limits.TryGetValue(Tiers.Free, out limit))
        {
            throw new InvalidOperationException($"Rate-limit group '{group}' has no limit for tier '{tier}' or '{Tiers.Free}'.");
        }

        return new RateLimitPolicy(group, limit, options.Window);
    }

    /// <summary>Startup validation: every contract group has a positive window and free and premium limits.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var group in RateLimitGroups.All)
        {
            if (!Groups.TryGetValue(group, out var options))
            {
                yield return $"{Section}:Groups:{group} is missing.";
                continue;
            }

            if (options.Window <= TimeSpan.Zero)
            {
                yield return $"{Section}:Groups:{group}:Window must be positive.";
            }

            foreach (var tier in new[] { Tiers.Free, Tiers.Premium })
            {
                if (!options.Limits.TryGetValue(tier, out var limit) || limit <= 0)
                {
                    yield return $"{Section}:Groups:{group}:Limits:{tier} must be a positive number.";
                }
            }
        }
    }
}

/// <summary>The rate-limit outcome of the current request (scoped), for the API to turn into headers.</summary>
public sealed class RateLimitState
{
    public RateLimitPolicy? Policy { get; private set; }

    public RateLimitDecision? Decision { get; private set; }

    public void Record(RateLimitPolicy policy, RateLimitDecision decision)
    {
        Policy = policy;
        Decision = decision;
    }
}
