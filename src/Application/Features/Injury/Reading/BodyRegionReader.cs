using System.Text.RegularExpressions;

namespace FitCoach.Application.Features.Injury.Reading;

/// <summary>
/// The body regions a text names, in the profile's vocabulary, earliest mention first: "my lower back aches and it
/// goes into my hip" → lower_back, hip. Everyday and anatomical words ("traps", "rhomboid", "achilles", "itb",
/// "plantar", "rotator cuff"); "back" alone is the lower back unless the upper or mid back is meant, and names no
/// region in an exercise's name ("back squat", "back extension").
/// </summary>
public static class BodyRegionReader
{
    private static readonly (Regex Pattern, string Region)[] Words =
    [
        (new Regex(@"\b(?:neck|cervical|traps|upper traps?|trapezius)\b", RegexOptions.CultureInvariant), "neck"),
        (new Regex(@"\b(?:shoulders?|rotator cuff|delts?|ac joint|collarbone|clavicle|labrum)\b", RegexOptions.CultureInvariant), "shoulder"),
        (new Regex(@"\b(?:elbows?|tennis elbow|golfer'?s elbow|golfers elbow|forearms?)\b", RegexOptions.CultureInvariant), "elbow"),
        (new Regex(@"\b(?:wrists?|hands?|thumbs?|fingers?|knuckles?|palms?)\b", RegexOptions.CultureInvariant), "wrist_hand"),
        (new Regex(@"\b(?:chest|pecs?|sternum|ribs?|pec minor|pec major)\b", RegexOptions.CultureInvariant), "chest"),
        (new Regex(@"\b(?:upper back|between (?:my )?shoulder blades|shoulder blades?|mid back|middle back|rhomboids?|lower traps?|lats?)\b", RegexOptions.CultureInvariant), "upper_back"),
        (new Regex(@"\b(?:lower back|low back|lumbar|spine|sciatica|si joint|tailbone)\b|(?<!\b(?:upper|mid|middle)[\s/-])\bback\b(?![\s/-]*(?:squats?|extensions?|rows?|of (?:my|the) (?:knee|heel|thigh|leg|calf|hand|shoulder|neck|head|ankle))\b)", RegexOptions.CultureInvariant), "lower_back"),
        (new Regex(@"\b(?:hips?|hip flexors?|glutes?|buttocks?|bum|butt|piriformis)\b", RegexOptions.CultureInvariant), "hip"),
        (new Regex(@"\b(?:groin|adductors?|inner thigh)\b", RegexOptions.CultureInvariant), "groin"),
        (new Regex(@"\b(?:hamstrings?|hammy|hammies|back of (?:my |the )?thigh)\b", RegexOptions.CultureInvariant), "hamstring"),
        (new Regex(@"\b(?:quads?|quadriceps|front of (?:my |the )?thigh|thighs?)\b", RegexOptions.CultureInvariant), "quadriceps"),
        (new Regex(@"\b(?:knees?|kneecaps?|patell\w*|acl|mcl|meniscus|itb|it band|outer thigh near the knee)\b", RegexOptions.CultureInvariant), "knee"),
        (new Regex(@"\b(?:shins?|shin splints|tibia)\b", RegexOptions.CultureInvariant), "shin"),
        (new Regex(@"\b(?:calf|calves|achilles|back of (?:my |the )?heels?)\b", RegexOptions.CultureInvariant), "calf"),
        (new Regex(@"\b(?:ankles?)\b", RegexOptions.CultureInvariant), "ankle"),
        (new Regex(@"\b(?:foot|feet|heels?|plantar|arch(?:es)?|toes?(?! to bar| touch)|big toe|laces)\b", RegexOptions.CultureInvariant), "foot"),
    ];

    /// <summary>Vaguer words, read only when no region above is named: "my arms are swollen", "legs are toast", "couldn't catch my breath".</summary>
    private static readonly (Regex Pattern, string Region)[] Fallback =
    [
        (new Regex(@"\b(?:arms?)\b", RegexOptions.CultureInvariant), "elbow"),
        (new Regex(@"\b(?:legs?)\b", RegexOptions.CultureInvariant), "quadriceps"),
        (new Regex(@"\b(?:breath\w*|breathing|heart|palpitations?)\b", RegexOptions.CultureInvariant), "chest"),
    ];

    /// <summary>Every region the text names, earliest mention first; empty when it names none.</summary>
    public static IReadOnlyList<string> Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var lower = text.ToLowerInvariant().Replace('’', '\'');
        var named = Find(Words, lower);
        return named.Count > 0 ? named : Find(Fallback, lower);
    }

    private static List<string> Find((Regex Pattern, string Region)[] words, string text) =>
        [.. words
            .Select(w => (w.Region, Match: w.Pattern.Match(text)))
            .Where(m => m.Match.Success)
            .OrderBy(m => m.Match.Index)
            .Select(m => m.Region)
            .Distinct(StringComparer.Ordinal)];
}
