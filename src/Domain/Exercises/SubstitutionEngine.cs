using System.Globalization;
using System.Text;

namespace FitCoach.Domain.Exercises;

/// <summary>What a substitute must respect: the equipment at hand (null: any) and the injured body regions.</summary>
public sealed record SubstitutionFilters(IReadOnlyCollection<string>? Equipment, IReadOnlyCollection<string> Injuries)
{
    public static readonly SubstitutionFilters None = new(null, []);
}

/// <param name="Similarity">0–1: pattern, main and helper muscles, force, mechanic, level, equipment and category alike.</param>
/// <param name="Reason">Why it stands in for the original, in a sentence.</param>
public sealed record SubstituteExercise(Exercise Exercise, double Similarity, string Reason);

/// <summary>An exercise that would have been a substitute but loads an injured region.</summary>
public sealed record AvoidedExercise(Exercise Exercise, string Reason);

public sealed record SubstitutionResult(IReadOnlyList<SubstituteExercise> Substitutes, IReadOnlyList<AvoidedExercise> Avoided);

/// <summary>
/// Ranks the catalog's exercises as stand-ins for one exercise. A substitute always works the original's main muscle
/// (its first primary muscle) as one of its own main muscles, belongs to the same kind of training (strength work,
/// stretching or cardio), uses only the equipment allowed (when a list is given; bodyweight counts as equipment to
/// list, so "dumbbells only" never returns a pull-up) and loads no injured region (<see cref="InjuryLoads"/>); it is
/// never the original. Among those, similarity weighs the movement pattern most (same 0.35, related 0.15), then the
/// main muscles shared (0.30 × Jaccard), the helper muscles (0.10 × Jaccard), and force, mechanic, level, equipment and
/// category alike (0.05 each). Patterns are read once per catalog exercise, so a query scores ~900 exercises without
/// parsing a name.
/// </summary>
public sealed class SubstitutionEngine
{
    public const int MaxLimit = 50;

    /// <summary>Below this many substitutes sharing the main muscle, same-pattern exercises working it as a helper are added.</summary>
    private const int MinStrictMatches = 3;

    /// <summary>A helper-muscle match ranks below any main-muscle match of the same quality.</summary>
    private const double HelperPenalty = 0.6;

    private readonly Exercise[] _catalog;
    private readonly MovementPattern[] _patterns;

    public SubstitutionEngine(IEnumerable<Exercise> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = [.. catalog.Where(e => !e.IsCustom)];
        _patterns = [.. _catalog.Select(MovementPatterns.Of)];
    }

    public IReadOnlyList<Exercise> Catalog => _catalog;

    public SubstitutionResult Find(Exercise original, SubstitutionFilters filters, int limit)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(filters);
        limit = Math.Clamp(limit, 1, MaxLimit);
        var pattern = MovementPatterns.Of(original);
        var main = original.PrimaryMuscles.Count > 0 ? original.PrimaryMuscles[0] : null;
        var group = CategoryGroup(original.Category);
        var scored = new List<(int Index, double Score)>();
        var avoided = new List<(int Index, double Score, string Reason)>();
        var helperMatches = new List<int>();
        void Add(int i, double score)
        {
            if (FirstConflict(_catalog[i], _patterns[i], filters.Injuries) is { } conflict)
            {
                avoided.Add((i, score, conflict));
            }
            else
            {
                scored.Add((i, score));
            }
        }

        for (var i = 0; i < _catalog.Length && main is not null; i++)
        {
            var candidate = _catalog[i];
            if (string.Equals(candidate.Id, original.Id, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.Name, original.Name, StringComparison.OrdinalIgnoreCase)
                || CategoryGroup(candidate.Category) != group
                || (filters.Equipment is { } allowed && !allowed.Contains(candidate.Equipment)))
            {
                continue;
            }

            if (Contains(candidate.PrimaryMuscles, main))
            {
                Add(i, Similarity(original, pattern, candidate, _patterns[i]));
            }
            else if (pattern != MovementPattern.Other && _patterns[i] == pattern && Contains(candidate.SecondaryMuscles, main))
            {
                helperMatches.Add(i);
            }
        }

        // The catalog names one main muscle per exercise, and not always the same one for variants of one lift (its
        // barbell deadlift's is the lower back, the dumbbell versions' the hamstrings). When fewer than three
        // exercises share the main muscle, the same pattern working it as a helper muscle fills in, ranked after them.
        if (scored.Count < MinStrictMatches)
        {
            foreach (var i in helperMatches)
            {
                Add(i, HelperPenalty * Similarity(original, pattern, _catalog[i], _patterns[i]));
            }
        }

        scored.Sort(ByScore);
        avoided.Sort((a, b) => b.Score.CompareTo(a.Score) is var c and not 0 ? c : string.CompareOrdinal(_catalog[a.Index].Name, _catalog[b.Index].Name));
        var substitutes = scored.Take(limit)
            .Select(s => new SubstituteExercise(_catalog[s.Index], Math.Round(s.Score, 3), Reason(original, pattern, _catalog[s.Index], _patterns[s.Index])))
            .ToList();
        var skipped = avoided.Take(limit).Select(a => new AvoidedExercise(_catalog[a.Index], a.Reason)).ToList();
        return new SubstitutionResult(substitutes, skipped);
    }

    /// <summary>
    /// How well <paramref name="candidate"/> stands in for <paramref name="original"/> whatever the filters: its
    /// similarity, the reason in words, and whether it keeps the original's main muscle as one of its own.
    /// </summary>
    public static (SubstituteExercise Match, bool KeepsMainMuscle) Compare(Exercise original, Exercise candidate)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(candidate);
        var pattern = MovementPatterns.Of(original);
        var candidatePattern = MovementPatterns.Of(candidate);
        var keeps = original.PrimaryMuscles.Count > 0 && Contains(candidate.PrimaryMuscles, original.PrimaryMuscles[0]);
        var reason = keeps || (original.PrimaryMuscles.Count > 0 && Contains(candidate.SecondaryMuscles, original.PrimaryMuscles[0]))
            ? Reason(original, pattern, candidate, candidatePattern)
            : $"{candidate.Name} is a {MovementPatterns.Describe(candidatePattern)} exercise for the {string.Join(", ", candidate.PrimaryMuscles)}, not the {(original.PrimaryMuscles.Count > 0 ? original.PrimaryMuscles[0] : "same muscles")}: it does not replace {original.Name}.";
        return (new SubstituteExercise(candidate, Math.Round(Similarity(original, pattern, candidate, candidatePattern), 3), reason), keeps);
    }

    /// <summary>Why <paramref name="exercise"/> should be avoided with one of <paramref name="injuries"/>, or null.</summary>
    public static string? FirstConflict(Exercise exercise, MovementPattern pattern, IReadOnlyCollection<string> injuries)
    {
        ArgumentNullException.ThrowIfNull(injuries);
        foreach (var region in injuries)
        {
            if (InjuryLoads.Conflict(exercise, pattern, region) is { } why)
            {
                return $"{exercise.Name}: {why} (injured {region.Replace('_', ' ')})";
            }
        }

        return null;
    }

    private int ByScore((int Index, double Score) a, (int Index, double Score) b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : string.CompareOrdinal(_catalog[a.Index].Name, _catalog[b.Index].Name);
    }

    private static double Similarity(Exercise original, MovementPattern pattern, Exercise candidate, MovementPattern candidatePattern)
    {
        var score = pattern == candidatePattern ? 0.35 : MovementPatterns.AreRelated(pattern, candidatePattern) ? 0.15 : 0;
        score += 0.30 * Jaccard(original.PrimaryMuscles, candidate.PrimaryMuscles);
        score += 0.10 * (original.SecondaryMuscles.Count == 0 && candidate.SecondaryMuscles.Count == 0 ? 1 : Jaccard(original.SecondaryMuscles, candidate.SecondaryMuscles));
        score += Same(original.Force, candidate.Force) ? 0.05 : 0;
        score += Same(original.Mechanic, candidate.Mechanic) ? 0.05 : 0;
        score += Same(original.Level, candidate.Level) ? 0.05 : Math.Abs(LevelRank(original.Level) - LevelRank(candidate.Level)) == 1 ? 0.025 : 0;
        score += Same(original.Equipment, candidate.Equipment) ? 0.05 : 0;
        score += Same(original.Category, candidate.Category) ? 0.05 : 0;
        return Math.Min(1, score);
    }

    private static string Reason(Exercise original, MovementPattern pattern, Exercise candidate, MovementPattern candidatePattern)
    {
        var sb = new StringBuilder();
        sb.Append(pattern == candidatePattern
            ? $"The same {MovementPatterns.Describe(pattern)} pattern"
            : MovementPatterns.AreRelated(pattern, candidatePattern)
                ? $"A related {MovementPatterns.Describe(candidatePattern)} pattern"
                : $"A {MovementPatterns.Describe(candidatePattern)} exercise");
        var shared = candidate.PrimaryMuscles.Where(m => Contains(original.PrimaryMuscles, m)).ToList();
        sb.Append(shared.Count > 0
            ? $" for the same main muscle{(shared.Count > 1 ? "s" : "")} ({string.Join(", ", shared)})"
            : $" that works the {original.PrimaryMuscles[0]} as a helper (its main muscle: {string.Join(", ", candidate.PrimaryMuscles)})");
        if (!Same(original.Equipment, candidate.Equipment))
        {
            sb.Append(CultureInfo.InvariantCulture, $", with {Equipment(candidate.Equipment)} instead of {Equipment(original.Equipment)}");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $", also with {Equipment(candidate.Equipment)}");
        }

        var extra = candidate.SecondaryMuscles.Where(m => !Contains(original.SecondaryMuscles, m) && !Contains(original.PrimaryMuscles, m)).Take(2).ToList();
        if (extra.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"; it also works the {string.Join(" and ", extra)}");
        }

        var step = LevelRank(candidate.Level) - LevelRank(original.Level);
        if (step > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"; harder to learn ({candidate.Level})");
        }
        else if (step < 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"; easier to learn ({candidate.Level})");
        }

        if (!Same(original.Mechanic, candidate.Mechanic) && candidate.Mechanic is { } mechanic)
        {
            sb.Append(CultureInfo.InvariantCulture, $"; {mechanic} rather than {original.Mechanic ?? "unspecified"}");
        }

        return sb.Append('.').ToString();
    }

    private static string Equipment(string equipment) => equipment switch
    {
        EquipmentVocabulary.Bodyweight => "bodyweight only",
        EquipmentVocabulary.Bands => "bands",
        EquipmentVocabulary.EzBar => "an EZ bar",
        EquipmentVocabulary.MedicineBall => "a medicine ball",
        EquipmentVocabulary.ExerciseBall => "an exercise ball",
        EquipmentVocabulary.Other => "other equipment",
        var e => $"a {e}",
    };

    /// <summary>Strength-type work (incl. powerlifting, Olympic lifting, strongman, plyometrics), stretching, or cardio.</summary>
    private static int CategoryGroup(string category) => category.ToLowerInvariant() switch
    {
        "stretching" => 1,
        "cardio" => 2,
        _ => 0,
    };

    private static int LevelRank(string level) => level.ToLowerInvariant() switch
    {
        "beginner" => 0,
        "intermediate" => 1,
        "expert" or "advanced" => 2,
        _ => 1,
    };

    private static bool Same(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool Contains(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static double Jaccard(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = 0;
        foreach (var x in a)
        {
            if (Contains(b, x))
            {
                shared++;
            }
        }

        return (double)shared / (a.Count + b.Count - shared);
    }
}
