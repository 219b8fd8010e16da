namespace FitCoach.Domain.Exercises;

/// <summary>The contract's equipment vocabulary and the mapping from the catalog's and people's own words.</summary>
public static class EquipmentVocabulary
{
    public const string Barbell = "barbell";
    public const string Dumbbell = "dumbbell";
    public const string Kettlebell = "kettlebell";
    public const string Cable = "cable";
    public const string Machine = "machine";
    public const string Bodyweight = "bodyweight";
    public const string Bands = "bands";
    public const string EzBar = "ez_bar";
    public const string MedicineBall = "medicine_ball";
    public const string ExerciseBall = "exercise_ball";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All =
    [
        Barbell, Dumbbell, Kettlebell, Cable, Machine, Bodyweight, Bands, EzBar, MedicineBall, ExerciseBall, Other,
    ];

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["barbell"] = Barbell, ["bb"] = Barbell, ["bar"] = Barbell,
        ["dumbbell"] = Dumbbell, ["dumbbells"] = Dumbbell, ["db"] = Dumbbell, ["dbs"] = Dumbbell, ["dumbell"] = Dumbbell,
        ["kettlebell"] = Kettlebell, ["kettlebells"] = Kettlebell, ["kb"] = Kettlebell,
        ["cable"] = Cable, ["cables"] = Cable,
        ["machine"] = Machine, ["smith"] = Machine, ["smith machine"] = Machine,
        ["bodyweight"] = Bodyweight, ["body weight"] = Bodyweight, ["body only"] = Bodyweight, ["bw"] = Bodyweight,
        ["none"] = Bodyweight,
        ["bands"] = Bands, ["band"] = Bands, ["resistance band"] = Bands, ["resistance bands"] = Bands,
        ["ez_bar"] = EzBar, ["ez bar"] = EzBar, ["ez-bar"] = EzBar, ["e-z curl bar"] = EzBar, ["ez curl bar"] = EzBar,
        ["ez"] = EzBar,
        ["medicine_ball"] = MedicineBall, ["medicine ball"] = MedicineBall, ["med ball"] = MedicineBall,
        ["exercise_ball"] = ExerciseBall, ["exercise ball"] = ExerciseBall, ["stability ball"] = ExerciseBall,
        ["swiss ball"] = ExerciseBall,
        ["other"] = Other, ["foam roll"] = Other, ["foam roller"] = Other,
    };

    /// <summary>Maps a catalog or user word to the vocabulary; null when the word is not equipment we know.</summary>
    public static string? Normalize(string? word)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return null;
        }

        return Synonyms.TryGetValue(word.Trim(), out var value) ? value : null;
    }

    public static bool IsKnown(string? value) => value is not null && All.Contains(value);
}
