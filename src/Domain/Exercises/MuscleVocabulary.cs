namespace FitCoach.Domain.Exercises;

/// <summary>The catalog's muscle names and the gym words people use for them ("quads", "pecs", "delts").</summary>
public static class MuscleVocabulary
{
    public static readonly IReadOnlyList<string> All =
    [
        "abdominals", "abductors", "adductors", "biceps", "calves", "chest", "forearms", "glutes", "hamstrings",
        "lats", "lower back", "middle back", "neck", "quadriceps", "shoulders", "traps", "triceps",
    ];

    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["abs"] = "abdominals", ["core"] = "abdominals", ["obliques"] = "abdominals", ["abdominal"] = "abdominals",
        ["bicep"] = "biceps", ["tricep"] = "triceps", ["calf"] = "calves", ["pecs"] = "chest", ["pec"] = "chest",
        ["forearm"] = "forearms", ["grip"] = "forearms", ["glute"] = "glutes", ["butt"] = "glutes",
        ["hamstring"] = "hamstrings", ["hams"] = "hamstrings", ["lat"] = "lats", ["quads"] = "quadriceps",
        ["quad"] = "quadriceps", ["delts"] = "shoulders", ["delt"] = "shoulders", ["deltoids"] = "shoulders",
        ["shoulder"] = "shoulders", ["trap"] = "traps", ["trapezius"] = "traps", ["lower_back"] = "lower back",
        ["middle_back"] = "middle back", ["upper back"] = "middle back", ["upper_back"] = "middle back",
        ["mid back"] = "middle back", ["erectors"] = "lower back", ["adductor"] = "adductors",
        ["abductor"] = "abductors", ["inner thigh"] = "adductors", ["outer thigh"] = "abductors",
    };

    /// <summary>The catalog muscle for a word, or null when it is not a muscle we know.</summary>
    public static string? Normalize(string? word)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return null;
        }

        var trimmed = word.Trim().ToLowerInvariant();
        if (All.Contains(trimmed))
        {
            return trimmed;
        }

        return Synonyms.TryGetValue(trimmed, out var muscle) ? muscle : null;
    }
}
