namespace FitCoach.Domain.Profiles;

/// <summary>What the coach knows about a user (the contract's onboarding profile). Every field is optional.</summary>
public sealed record UserProfile
{
    public int? Age { get; init; }

    public string? Sex { get; init; }

    public double? HeightCm { get; init; }

    public double? WeightKg { get; init; }

    public IReadOnlyList<string> Goals { get; init; } = [];

    public string? Experience { get; init; }

    public int? DaysPerWeek { get; init; }

    public int? SessionMinutes { get; init; }

    public IReadOnlyList<string> Equipment { get; init; } = [];

    public IReadOnlyList<string> Injuries { get; init; } = [];

    /// <summary>kg or lb: the unit voice logging assumes when a lifter names none.</summary>
    public string? Unit { get; init; }

    /// <summary>
    /// The name shown with the user's entries on the public leaderboards (see <see cref="DisplayNames"/>); null shows
    /// none, only the pseudonymous id.
    /// </summary>
    public string? DisplayName { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>The contract's vocabularies for profile fields.</summary>
public static class ProfileVocabulary
{
    public static readonly IReadOnlyList<string> Goals =
        ["strength", "hypertrophy", "fat_loss", "endurance", "general_fitness", "mobility", "sport_performance"];

    public static readonly IReadOnlyList<string> Experience = ["beginner", "intermediate", "advanced"];

    public static readonly IReadOnlyList<string> BodyRegions =
    [
        "neck", "shoulder", "elbow", "wrist_hand", "chest", "upper_back", "lower_back", "hip", "groin", "hamstring",
        "quadriceps", "knee", "shin", "calf", "ankle", "foot", "other",
    ];

    public static readonly IReadOnlyList<string> Sexes = ["male", "female", "other"];

    public static readonly IReadOnlyList<string> Units = ["kg", "lb"];
}
