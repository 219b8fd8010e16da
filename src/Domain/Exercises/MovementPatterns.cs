namespace FitCoach.Domain.Exercises;

/// <summary>What an exercise does at the joints: the unit substitutions keep and injuries are mapped to.</summary>
public enum MovementPattern
{
    Other,
    Squat,
    Lunge,
    Hinge,
    HipExtension,
    HipIsolation,
    KneeExtension,
    KneeFlexion,
    CalfRaise,
    HorizontalPush,
    VerticalPush,
    Dip,
    ChestFly,
    ShoulderIsolation,
    HorizontalPull,
    VerticalPull,
    Shrug,
    ElbowFlexion,
    ElbowExtension,
    WristForearm,
    Core,
    Neck,
    Carry,
    Olympic,
    Plyometric,
    Cardio,
    Stretch,
}

/// <summary>
/// Reads an exercise's movement pattern from its name, category, main muscle, force and mechanic. The public-domain
/// catalog has no pattern field, so the name decides where it says what the movement is ("Romanian deadlift",
/// "lat pulldown", "leg curl"), then the main muscle and force (a compound push for the shoulders is a vertical push).
/// Deterministic and allocation-free apart from the lower-cased name.
/// </summary>
public static class MovementPatterns
{
    /// <summary>Name fragments in the order they are tried: the first that the name contains decides.</summary>
    private static readonly (string[] Words, MovementPattern Pattern)[] ByName =
    [
        (["smr", "stretch"], MovementPattern.Stretch),
        (["snatch", "clean and jerk", "power clean", "hang clean", "squat clean", "split jerk", "push jerk", "squat jerk", "clean and press", "muscle snatch", "jerk dip"], MovementPattern.Olympic),
        (["farmer", "carry", "yoke", "suitcase walk", "waiter walk", "atlas stone"], MovementPattern.Carry),
        (["shrug"], MovementPattern.Shrug),
        (["wrist", "finger curl", "reverse plate curl", "wrist roller", "forearm"], MovementPattern.WristForearm),
        (["leg curl", "hamstring curl", "nordic", "glute ham raise", "glute-ham raise", "ball leg curl"], MovementPattern.KneeFlexion),
        (["calf", "calves", "heel raise", "donkey"], MovementPattern.CalfRaise),
        (["leg extension"], MovementPattern.KneeExtension),
        (["pushdown", "push-down", "kickback", "skull", "triceps extension", "tricep extension", "triceps press", "french press", "tate press", "jm press"], MovementPattern.ElbowExtension),
        (["dip"], MovementPattern.Dip),
        (["curl"], MovementPattern.ElbowFlexion),
        (["lunge", "split squat", "step up", "step-up", "stepup", "bulgarian"], MovementPattern.Lunge),
        (["hip thrust", "glute bridge", "hip bridge", "butt lift", "hip lift", "bridge", "glute kickback", "pull through", "pull-through", "frog"], MovementPattern.HipExtension),
        (["abduction", "adduction", "abductor", "adductor", "clam", "hip circle", "lateral band walk", "monster walk", "fire hydrant"], MovementPattern.HipIsolation),
        (["deadlift", "good morning", "romanian", "rdl", "stiff-leg", "stiff leg", "hyperextension", "back extension", "swing", "rack pull", "superman"], MovementPattern.Hinge),
        (["clean", "jerk", "high pull"], MovementPattern.Olympic),
        (["squat", "leg press", "hack", "pistol", "wall sit", "sissy"], MovementPattern.Squat),
        (["upright", "lateral raise", "side raise", "front raise", "rear delt", "reverse fly", "reverse flye", "face pull", "external rotation", "internal rotation", "y raise", "rear lateral", "bent over lateral", "iron cross", "scaption"], MovementPattern.ShoulderIsolation),
        (["fly", "flye", "crossover", "pec deck", "butterfly"], MovementPattern.ChestFly),
        (["pullover"], MovementPattern.VerticalPull),
        (["pull-up", "pullup", "pull up", "chin", "pulldown", "pull-down", "pull down", "muscle up", "rope climb"], MovementPattern.VerticalPull),
        (["row"], MovementPattern.HorizontalPull),
        (["overhead press", "military", "arnold", "shoulder press", "push press", "handstand", "seated press", "standing press", "landmine press", "z press", "bradford", "see-saw press"], MovementPattern.VerticalPush),
        (["bench", "push-up", "pushup", "push up", "floor press", "chest press", "svend", "incline press", "decline press", "board press", "pin press", "guillotine"], MovementPattern.HorizontalPush),
        (["crunch", "sit-up", "situp", "sit up", "plank", "rollout", "roll-out", "ab roller", "twist", "leg raise", "knee raise", "v-up", "jackknife", "pallof", "woodchop", "wood chop", "russian", "hollow", "dead bug", "oblique", "toe touch", "flutter", "bicycle", "mountain climber", "side bend"], MovementPattern.Core),
    ];

    public static MovementPattern Of(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var category = exercise.Category.ToLowerInvariant();
        if (category == "stretching")
        {
            return MovementPattern.Stretch;
        }

        if (category == "cardio")
        {
            return MovementPattern.Cardio;
        }

        if (category == "plyometrics")
        {
            return MovementPattern.Plyometric;
        }

        var name = exercise.Name.ToLowerInvariant();
        foreach (var (words, pattern) in ByName)
        {
            foreach (var word in words)
            {
                if (name.Contains(word, StringComparison.Ordinal))
                {
                    return pattern;
                }
            }
        }

        return ByMuscle(exercise);
    }

    /// <summary>Patterns close enough that one can stand in for the other when the exact pattern is not available.</summary>
    public static bool AreRelated(MovementPattern a, MovementPattern b) =>
        a == b || Family(a) is { } family && family == Family(b);

    private static int? Family(MovementPattern pattern) => pattern switch
    {
        MovementPattern.Squat or MovementPattern.Lunge => 1,
        MovementPattern.Hinge or MovementPattern.HipExtension => 2,
        MovementPattern.HorizontalPush or MovementPattern.Dip or MovementPattern.ChestFly => 3,
        MovementPattern.VerticalPush or MovementPattern.ShoulderIsolation => 4,
        MovementPattern.HorizontalPull or MovementPattern.VerticalPull => 5,
        MovementPattern.Olympic or MovementPattern.Plyometric => 6,
        _ => null,
    };

    private static MovementPattern ByMuscle(Exercise exercise)
    {
        var main = exercise.PrimaryMuscles.Count > 0 ? exercise.PrimaryMuscles[0] : "";
        var compound = string.Equals(exercise.Mechanic, "compound", StringComparison.OrdinalIgnoreCase);
        var push = string.Equals(exercise.Force, "push", StringComparison.OrdinalIgnoreCase);
        return main switch
        {
            "quadriceps" => compound ? MovementPattern.Squat : MovementPattern.KneeExtension,
            "hamstrings" => compound ? MovementPattern.Hinge : MovementPattern.KneeFlexion,
            "glutes" => MovementPattern.HipExtension,
            "lower back" => MovementPattern.Hinge,
            "chest" => compound || push ? MovementPattern.HorizontalPush : MovementPattern.ChestFly,
            "shoulders" => compound && push ? MovementPattern.VerticalPush : MovementPattern.ShoulderIsolation,
            "lats" => MovementPattern.VerticalPull,
            "middle back" => MovementPattern.HorizontalPull,
            "traps" => MovementPattern.Shrug,
            "biceps" => MovementPattern.ElbowFlexion,
            "triceps" => compound ? MovementPattern.HorizontalPush : MovementPattern.ElbowExtension,
            "forearms" => MovementPattern.WristForearm,
            "calves" => MovementPattern.CalfRaise,
            "abdominals" => MovementPattern.Core,
            "adductors" or "abductors" => MovementPattern.HipIsolation,
            "neck" => MovementPattern.Neck,
            _ => MovementPattern.Other,
        };
    }

    /// <summary>The pattern in plain words, for reasons people read ("a hinge", "a vertical pull").</summary>
    public static string Describe(MovementPattern pattern) => pattern switch
    {
        MovementPattern.Squat => "squat",
        MovementPattern.Lunge => "lunge / single-leg",
        MovementPattern.Hinge => "hip hinge",
        MovementPattern.HipExtension => "hip extension (bridge / thrust)",
        MovementPattern.HipIsolation => "hip abduction / adduction",
        MovementPattern.KneeExtension => "knee extension",
        MovementPattern.KneeFlexion => "knee flexion (leg curl)",
        MovementPattern.CalfRaise => "calf raise",
        MovementPattern.HorizontalPush => "horizontal push",
        MovementPattern.VerticalPush => "overhead press",
        MovementPattern.Dip => "dip",
        MovementPattern.ChestFly => "chest fly",
        MovementPattern.ShoulderIsolation => "shoulder raise",
        MovementPattern.HorizontalPull => "row",
        MovementPattern.VerticalPull => "vertical pull",
        MovementPattern.Shrug => "shrug",
        MovementPattern.ElbowFlexion => "curl",
        MovementPattern.ElbowExtension => "triceps extension",
        MovementPattern.WristForearm => "wrist / forearm",
        MovementPattern.Core => "core",
        MovementPattern.Neck => "neck",
        MovementPattern.Carry => "loaded carry",
        MovementPattern.Olympic => "Olympic lift",
        MovementPattern.Plyometric => "jump / throw",
        MovementPattern.Cardio => "cardio",
        MovementPattern.Stretch => "stretch",
        _ => "movement",
    };
}
