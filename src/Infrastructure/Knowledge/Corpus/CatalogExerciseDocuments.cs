using System.Globalization;
using FitCoach.Domain.Exercises;

namespace FitCoach.Infrastructure.Knowledge.Corpus;

/// <summary>
/// One <c>exercises</c> document per catalog exercise, written from the catalog's facts (equipment, muscles,
/// category, level, force, mechanic) plus the catalog's closest alternatives, so "what does X work" and "what can
/// I do instead of X" have a passage even for the 800-odd moves without a hand-written technique note. Loading
/// guidance rests on the ACSM progression position stand and on Schoenfeld et al.'s loading review.
/// </summary>
public static class CatalogExerciseDocuments
{
    public const string IdPrefix = "exercises/catalog-";

    /// <summary>What follows the exercise's name in an entry's title.</summary>
    public const string TitleSuffix = ": muscles worked, equipment and alternatives";

    /// <summary>The score prior of a generated document (see <see cref="KnowledgeDocument.Weight"/>).</summary>
    public const float GeneratedWeight = 0.8f;

    private const string CatalogSource =
        "Free Exercise DB (yuhonas/free-exercise-db), public-domain exercise catalog: equipment, muscles, category, level, force and mechanic.";

    private const string AcsmSource =
        "American College of Sports Medicine (2009). Progression models in resistance training for healthy adults. Med Sci Sports Exerc 41(3):687-708.";

    private const string LoadingSource =
        "Schoenfeld BJ, Grgic J, Van Every DW, Plotkin DL (2021). Loading recommendations for muscle strength, hypertrophy, and local endurance: a re-examination of the repetition continuum. Sports 9(2):32.";

    private const string StretchSource =
        "Behm DG, Blazevich AJ, Kay AD, McHugh M (2016). Acute effects of muscle stretching on physical performance, range of motion, and injury incidence in healthy active individuals: a systematic review. Appl Physiol Nutr Metab 41(1):1-11.";

    private const string PlyoSource =
        "Markovic G (2007). Does plyometric training improve vertical jump height? A meta-analytical review. Br J Sports Med 41(6):349-355.";

    public static IReadOnlyList<KnowledgeDocument> Generate(IReadOnlyList<Exercise> catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.Where(e => !e.IsCustom).Select(e => Describe(e, catalog))];
    }

    public static KnowledgeDocument Describe(Exercise exercise, IReadOnlyList<Exercise> catalog)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var primary = Join(exercise.PrimaryMuscles);
        var secondary = Join(exercise.SecondaryMuscles);
        var equipment = EquipmentPhrase(exercise.Equipment);
        var kind = string.Join(' ', new[] { exercise.Mechanic, CategoryWord(exercise.Category) }.Where(w => !string.IsNullOrEmpty(w)));

        var overview = $"{exercise.Name} is {Article(exercise.Level)} {exercise.Level}-level {kind} exercise done with {equipment}. " +
            $"It mainly works the {primary}" + (secondary.Length > 0 ? $", with the {secondary} assisting." : ".") +
            (ForcePhrase(exercise.Force) is { } force ? $" It is {force}." : "") +
            (exercise.Mechanic == "compound"
                ? " As a compound movement it moves more than one joint, so it trains several muscles at once and allows heavier loads."
                : exercise.Mechanic == "isolation"
                    ? " As an isolation movement it moves one joint, which makes it useful for adding volume to a muscle that compound lifts under-train."
                    : "");

        var sections = new List<KnowledgeSection>
        {
            new("", overview),
            new("How to use it", UseGuidance(exercise)) { Indexed = false },
        };

        var alternatives = Alternatives(exercise, catalog);
        if (alternatives.Count > 0)
        {
            sections.Add(new("Alternatives", $"Catalog exercises that train the same main muscles with a similar pattern: " +
                string.Join("; ", alternatives.Select(a => $"{a.Name} ({EquipmentPhrase(a.Equipment)})")) + "."));
        }

        var tags = new List<string> { exercise.Name.ToLowerInvariant(), exercise.Equipment, exercise.Category };
        tags.AddRange(exercise.PrimaryMuscles);
        var sources = new List<string> { CatalogSource };
        sources.AddRange(exercise.Category switch
        {
            "stretching" => [StretchSource],
            "plyometrics" => [PlyoSource, AcsmSource],
            _ => [AcsmSource, LoadingSource],
        });

        return new KnowledgeDocument(
            "exercises",
            IdPrefix + exercise.Id.ToLowerInvariant(),
            exercise.Name + TitleSuffix,
            tags.Distinct().ToList(),
            sources,
            sections)
        {
            Weight = GeneratedWeight,
        };
    }

    private static string UseGuidance(Exercise e) => e.Category switch
    {
        "stretching" =>
            "Use it as a static stretch after training or as part of a mobility session: hold 15–30 seconds for 2–4 rounds. " +
            "Long static holds right before heavy or explosive work can briefly reduce force, so warm up dynamically first and keep pre-lifting holds short (Behm et al. 2016).",
        "plyometrics" =>
            "Do it fresh, early in a session, for low reps (about 3–6 per set) with full rest so every rep is fast and landings are quiet. " +
            "Plyometric training improves jump height and rate of force development (Markovic 2007); add contacts gradually.",
        "cardio" =>
            "Use it for conditioning: steady sessions at a conversational effort build the aerobic base, and short hard intervals with equal or longer recovery raise fitness quickly. " +
            "Progress total time before intensity (ACSM 2009).",
        _ when e.Mechanic == "compound" =>
            "Place it early in the session while you are fresh. For strength, most sets of about 1–6 reps with long rests (2–5 minutes); for muscle size, sets of about 6–15 reps taken close to failure, 2–3 minutes apart. " +
            "Both heavy and moderate loads build muscle when sets end near failure (Schoenfeld et al. 2021; ACSM 2009).",
        _ => "Place it after the main lifts. Sets of about 8–20 reps taken within 1–3 reps of failure work well, and 60–120 seconds of rest is usually enough. " +
             "Light and moderate loads build muscle similarly when sets are hard (Schoenfeld et al. 2021).",
    }
    + (e.Level switch
    {
        "beginner" => " The catalog rates it beginner-friendly.",
        "expert" => " The catalog rates it expert-level: learn the simpler versions of the pattern first and get coaching on technique.",
        _ => " The catalog rates it intermediate: own the basic version of the pattern before loading it heavily.",
    });

    private static List<Exercise> Alternatives(Exercise e, IReadOnlyList<Exercise> catalog)
    {
        if (e.PrimaryMuscles.Count == 0)
        {
            return [];
        }

        return [.. catalog
            .Where(c => !c.IsCustom && c.Id != e.Id && c.Category == e.Category && c.PrimaryMuscles.Count > 0
                && c.PrimaryMuscles[0] == e.PrimaryMuscles[0] && c.Force == e.Force && c.Mechanic == e.Mechanic)
            .OrderByDescending(c => c.SecondaryMuscles.Intersect(e.SecondaryMuscles).Count() - (c.Equipment == e.Equipment ? 0 : 0.5) + (c.Level == e.Level ? 0.25 : 0))
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(4)];
    }

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    private static string Article(string word) => word.Length > 0 && "aeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    private static string CategoryWord(string category) => category switch
    {
        "olympic weightlifting" => "Olympic weightlifting",
        _ => category,
    };

    private static string EquipmentPhrase(string equipment) => equipment switch
    {
        "bodyweight" => "body weight only",
        "ez_bar" => "an EZ curl bar",
        "medicine_ball" => "a medicine ball",
        "exercise_ball" => "an exercise ball",
        "bands" => "resistance bands",
        "machine" => "a machine",
        "cable" => "a cable station",
        "other" => "other equipment",
        _ => "a " + equipment.Replace('_', ' ').ToLower(CultureInfo.InvariantCulture),
    };

    private static string? ForcePhrase(string? force) => force switch
    {
        "push" => "a pushing movement",
        "pull" => "a pulling movement",
        "static" => "a static hold",
        _ => null,
    };
}
