namespace FitCoach.Domain.Exercises;

/// <summary>
/// Which movement patterns and main muscles load an injured body region (the profile's region vocabulary), so the
/// substitution engine can leave them out and say why. Conservative on purpose: a substitute for an injured lifter
/// should not need the region to be pain-free under load. The map follows the corpus's injury documents (knee pain
/// when squatting, low back pain in lifters, shoulder pain when pressing, elbow pain, tendinopathy) rather than a
/// study of its own; where a region has no muscle of its own (knee, ankle), only patterns are listed.
/// </summary>
public static class InjuryLoads
{
    private static readonly Dictionary<string, (MovementPattern[] Patterns, string[] Muscles, string Why)> Map = new(StringComparer.Ordinal)
    {
        ["neck"] = ([MovementPattern.Neck, MovementPattern.Shrug, MovementPattern.VerticalPush, MovementPattern.Carry],
            ["neck", "traps"], "loads the neck and upper traps"),
        ["shoulder"] = ([MovementPattern.VerticalPush, MovementPattern.HorizontalPush, MovementPattern.Dip, MovementPattern.ChestFly,
                MovementPattern.ShoulderIsolation, MovementPattern.VerticalPull, MovementPattern.Olympic],
            ["shoulders"], "loads the shoulder through pressing, raising or hanging"),
        ["elbow"] = ([MovementPattern.ElbowFlexion, MovementPattern.ElbowExtension, MovementPattern.Dip, MovementPattern.VerticalPull],
            ["biceps", "triceps", "forearms"], "loads the elbow's flexors or extensors"),
        ["wrist_hand"] = ([MovementPattern.WristForearm, MovementPattern.HorizontalPush, MovementPattern.VerticalPush, MovementPattern.Dip,
                MovementPattern.Olympic, MovementPattern.Carry, MovementPattern.ElbowFlexion],
            ["forearms"], "loads the wrist and grip"),
        ["chest"] = ([MovementPattern.HorizontalPush, MovementPattern.Dip, MovementPattern.ChestFly],
            ["chest"], "loads the chest and pecs"),
        ["upper_back"] = ([MovementPattern.HorizontalPull, MovementPattern.VerticalPull, MovementPattern.Shrug],
            ["middle back", "lats", "traps"], "loads the upper back"),
        ["lower_back"] = ([MovementPattern.Hinge, MovementPattern.Squat, MovementPattern.Olympic, MovementPattern.Carry],
            ["lower back"], "loads the lower back (hinging, or a loaded spine)"),
        ["hip"] = ([MovementPattern.Squat, MovementPattern.Lunge, MovementPattern.Hinge, MovementPattern.HipExtension, MovementPattern.HipIsolation,
                MovementPattern.Plyometric],
            ["glutes", "abductors", "adductors"], "loads the hip through deep flexion or extension"),
        ["groin"] = ([MovementPattern.Lunge, MovementPattern.HipIsolation, MovementPattern.Squat, MovementPattern.Plyometric],
            ["adductors"], "loads the groin and adductors"),
        ["hamstring"] = ([MovementPattern.Hinge, MovementPattern.KneeFlexion, MovementPattern.Plyometric, MovementPattern.Olympic],
            ["hamstrings"], "loads the hamstrings (hinging, leg curls, sprinting or jumping)"),
        ["quadriceps"] = ([MovementPattern.Squat, MovementPattern.Lunge, MovementPattern.KneeExtension, MovementPattern.Plyometric],
            ["quadriceps"], "loads the quadriceps"),
        ["knee"] = ([MovementPattern.Squat, MovementPattern.Lunge, MovementPattern.KneeExtension, MovementPattern.Plyometric, MovementPattern.Olympic],
            [], "loads the knee through deep bending or landing"),
        ["shin"] = ([MovementPattern.Plyometric, MovementPattern.Cardio],
            [], "is impact on the shins (jumping, running)"),
        ["calf"] = ([MovementPattern.CalfRaise, MovementPattern.Plyometric, MovementPattern.Cardio],
            ["calves"], "loads the calf (raises, jumping, running)"),
        ["ankle"] = ([MovementPattern.Plyometric, MovementPattern.Lunge, MovementPattern.CalfRaise, MovementPattern.Cardio, MovementPattern.Olympic],
            [], "loads the ankle (landing, single-leg balance, raises)"),
        ["foot"] = ([MovementPattern.Plyometric, MovementPattern.CalfRaise, MovementPattern.Cardio],
            [], "loads the foot (landing, raises, running)"),
        ["other"] = ([], [], ""),
    };

    private static readonly HashSet<string> UpperBodyRegions = new(StringComparer.Ordinal) { "shoulder", "elbow", "wrist_hand", "chest" };

    private static readonly HashSet<string> UpperBodyMuscles = new(StringComparer.Ordinal) { "chest", "shoulders", "triceps", "biceps", "lats", "middle back", "forearms" };

    /// <summary>The regions this map knows: the profile vocabulary's.</summary>
    public static IEnumerable<string> Regions => Map.Keys;

    public static bool IsKnown(string region) => Map.ContainsKey(region);

    /// <summary>
    /// Why <paramref name="exercise"/> (of <paramref name="pattern"/>) should be avoided with <paramref name="region"/>
    /// injured, or null when it does not load it. A row bent over unsupported also loads the lower back.
    /// </summary>
    public static string? Conflict(Exercise exercise, MovementPattern pattern, string region)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        if (!Map.TryGetValue(region, out var load))
        {
            return null;
        }

        if (Array.IndexOf(load.Patterns, pattern) >= 0)
        {
            return $"a {MovementPatterns.Describe(pattern)} {load.Why}";
        }

        foreach (var muscle in exercise.PrimaryMuscles)
        {
            if (Array.IndexOf(load.Muscles, muscle) >= 0)
            {
                return $"works the {muscle} as a main muscle, which {load.Why}";
            }
        }

        if (pattern == MovementPattern.Plyometric && UpperBodyRegions.Contains(region) && exercise.PrimaryMuscles.Any(UpperBodyMuscles.Contains))
        {
            return $"an upper-body jump or throw {load.Why}";
        }

        if (region == "lower_back" && pattern == MovementPattern.HorizontalPull && IsUnsupportedBentOverRow(exercise))
        {
            return "a bent-over row held unsupported loads the lower back";
        }

        return null;
    }

    private static bool IsUnsupportedBentOverRow(Exercise exercise)
    {
        var name = exercise.Name.ToLowerInvariant();
        return name.Contains("bent over", StringComparison.Ordinal) || name.Contains("bent-over", StringComparison.Ordinal)
            || name.Contains("pendlay", StringComparison.Ordinal) || name.Contains("t-bar", StringComparison.Ordinal)
            || (exercise.Equipment == EquipmentVocabulary.Barbell && !name.Contains("seated", StringComparison.Ordinal)
                && !name.Contains("inverted", StringComparison.Ordinal) && !name.Contains("bench", StringComparison.Ordinal));
    }
}
