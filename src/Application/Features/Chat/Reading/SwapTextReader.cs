using System.Text.RegularExpressions;
using FitCoach.Application.Features.Injury.Reading;
using FitCoach.Domain.Exercises;

namespace FitCoach.Application.Features.Chat.Reading;

/// <summary>What a free-text swap request says: the exercise to replace, the equipment at hand, and what hurts.</summary>
/// <param name="ExercisePhrase">The words that name the exercise ("my squats"), or null when no phrase pattern found one.</param>
/// <param name="Allowed">The equipment the message allows (null: it says nothing that limits it).</param>
/// <param name="Excluded">Equipment the message rules out ("no barbell", "no rack" → barbell).</param>
public sealed record SwapText(string? ExercisePhrase, IReadOnlyCollection<string>? Allowed, IReadOnlyList<string> Excluded, IReadOnlyList<string> Injuries);

/// <summary>
/// Reads a swap request in everyday words: "no rack at home, swap my squats, I only have dumbbells" → exercise
/// "squats", equipment {dumbbell}, barbell ruled out. Rules on phrases, deterministic: the phrase naming the exercise
/// comes from the commonest ways of asking (swap/replace/instead of/alternative to/can't do X, X hurts my ...); it is
/// blanked out before equipment is read, so "swap my barbell squats" does not allow a barbell. A painful body region
/// is read as in <see cref="PainfulRegions"/>.
/// </summary>
public static partial class SwapTextReader
{
    private static readonly (Regex Pattern, string Word)[] EquipmentWords =
    [
        (new Regex(@"\b(?:dumbbells?|dumbells?|dbs?)\b", RegexOptions.CultureInvariant), EquipmentVocabulary.Dumbbell),
        (new Regex(@"\b(?:barbells?|bb|olympic bar)\b", RegexOptions.CultureInvariant), EquipmentVocabulary.Barbell),
        (new Regex(@"\b(?:kettlebells?|kbs?)\b", RegexOptions.CultureInvariant), EquipmentVocabulary.Kettlebell),
        (new Regex(@"\b(?:cables?|cable machine|pulley)\b", RegexOptions.CultureInvariant), EquipmentVocabulary.Cable),
        (new Regex(@"\b(?:machines?|smith|leg press machine)\b", RegexOptions.CultureInvariant), EquipmentVocabulary.Machine),
        (new Regex(@"\b(?:bands?|resistance bands?|tubes?)\b", RegexOptions.CultureInvariant), EquipmentVocabulary.Bands),
        (new Regex(@"\b(?:ez[ -]?bar|ez[ -]?curl bar)\b", RegexOptions.CultureInvariant), EquipmentVocabulary.EzBar),
        (new Regex(@"\b(?:medicine ball|med ball)\b", RegexOptions.CultureInvariant), EquipmentVocabulary.MedicineBall),
        (new Regex(@"\b(?:exercise ball|stability ball|swiss ball)\b", RegexOptions.CultureInvariant), EquipmentVocabulary.ExerciseBall),
        (new Regex(@"\b(?:bodyweight|body weight|no equipment|calisthenics)\b", RegexOptions.CultureInvariant), EquipmentVocabulary.Bodyweight),
    ];

    private static readonly Regex[] ExercisePhrases =
    [
        new(@"\b(?:swap|switch|replace|sub(?:stitute)?|change)\s+(?:out\s+)?(?:my|the|our|these|those)?\s*(?<ex>[a-z0-9][a-z0-9' -]*?)\s*(?=\b(?:for|with|because|since|as|cause|cos|coz|but|i|at|on|to|cuz|in|please|pls)\b|[,.;:!?()]|$)", RegexOptions.CultureInvariant),
        new(@"\b(?:instead of|alternatives? (?:to|for)|alts? (?:to|for)|replacement for|substitute for|sub for|swap for|other than)\s+(?:my|the|doing)?\s*(?<ex>[a-z0-9][a-z0-9' -]*?)\s*(?=\b(?:because|since|as|cause|but|i|at|on|with|cuz|please)\b|[,.;:!?()]|$)", RegexOptions.CultureInvariant),
        new(@"\b(?:can'?t|cannot|can not|unable to|not able to)\s+(?:do|perform|manage)\s+(?:my|the|any)?\s*(?<ex>[a-z0-9][a-z0-9' -]*?)\s*(?=\b(?:because|since|as|cause|but|i|at|on|with|anymore|any more|cuz|right now)\b|[,.;:!?()]|$)", RegexOptions.CultureInvariant),
        new(@"(?:^|[,.;:!?]\s*)(?:my\s+)?(?<ex>[a-z0-9][a-z0-9' -]*?)\s+(?:hurts?|kills?|bothers?|aggravates?|irritates?)\s+my\b", RegexOptions.CultureInvariant),
    ];

    public static SwapText Read(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.ToLowerInvariant().Replace('’', '\'');
        string? phrase = null;
        var rest = text;
        foreach (var pattern in ExercisePhrases)
        {
            if (pattern.Match(text) is { Success: true } m && TrailingFiller().Replace(m.Groups["ex"].Value.Trim(), "") is { Length: >= 2 } found)
            {
                phrase = found;
                var group = m.Groups["ex"];
                rest = string.Concat(text.AsSpan(0, group.Index), new string(' ', group.Length), text.AsSpan(group.Index + group.Length));
                break;
            }
        }

        var excluded = new List<string>();
        var allowed = new List<string>();
        foreach (var (pattern, word) in EquipmentWords)
        {
            foreach (Match m in pattern.Matches(rest))
            {
                var before = rest[..m.Index];
                var list = Negated().IsMatch(before) ? excluded : allowed;
                if (word == EquipmentVocabulary.Bodyweight && m.Value == "no equipment")
                {
                    list = allowed; // "no equipment" asks for bodyweight work
                }

                if (!list.Contains(word))
                {
                    list.Add(word);
                }
            }
        }

        if (NoRack().IsMatch(rest) && !excluded.Contains(EquipmentVocabulary.Barbell))
        {
            excluded.Add(EquipmentVocabulary.Barbell); // squats and presses need a rack to load a barbell safely alone
        }

        allowed.RemoveAll(excluded.Contains);
        IReadOnlyCollection<string>? allowedSet = allowed.Count > 0
            ? allowed.ToHashSet(StringComparer.Ordinal)
            : excluded.Count > 0 ? EquipmentVocabulary.All.Where(e => !excluded.Contains(e)).ToHashSet(StringComparer.Ordinal) : null;
        return new SwapText(phrase, allowedSet, excluded, PainfulRegions(rest)); // "cant do calf raises" names no sore calf
    }

    /// <summary>
    /// Body regions the text says hurt: a region word and a pain word in the same text, unless the pain is denied
    /// ("no pain", "doesn't hurt"). A plain reading for a short reason; the injury analysis route reads descriptions in
    /// full.
    /// </summary>
    public static IReadOnlyList<string> PainfulRegions(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var lower = text.ToLowerInvariant();
        if (!PainWord().IsMatch(lower) || DeniedPain().IsMatch(lower))
        {
            return [];
        }

        return BodyRegionReader.Read(lower);
    }

    /// <summary>Words that end a phrase without being part of the exercise's name ("pull ups yet", "squats anymore").</summary>
    [GeneratedRegex(@"(?:\s+(?:yet|anymore|any more|now|right now|today|tho|though|lol|please|pls|at all|for now|for a while|atm))+$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingFiller();

    /// <summary>A negation shortly before an equipment word: "no barbell", "don't have a cable", "without bands".</summary>
    [GeneratedRegex(@"(?:\bno|\bwithout|\bdon'?t have|\bdo not have|\bdoesn'?t have|\bdoes not have|\bhaven'?t got|\bhasn'?t got|\bno access to|\bnot any|\bnone of)\s+(?:\w+\s+){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Negated();

    [GeneratedRegex(@"\b(?:no|without|don'?t have|do not have)\s+(?:a\s+)?(?:squat\s+)?(?:rack|cage|power rack|squat stand)", RegexOptions.CultureInvariant)]
    private static partial Regex NoRack();

    [GeneratedRegex(@"\b(?:pain\w*|hurts?|hurting|sore|ache\w*|aching|injur\w*|tweak\w*|strain\w*|sprain\w*|tendinitis|tendinopathy|tendonitis|twinge|pinch\w*|niggle|bother\w*|flare\w*|irritat\w*|kills?|pulled|rolled|twisted|tore|torn|splints|fasciitis|bursitis|impingement|sciatica)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PainWord();

    [GeneratedRegex(@"\b(?:no|without|not any|zero)\s+(?:\w+\s+){0,2}(?:pain|hurt|soreness|ache)\b|\b(?:does ?n[o']?t|doesn't|don't|do not|never)\s+(?:\w+\s+){0,1}(?:hurt|ache|bother)", RegexOptions.CultureInvariant)]
    private static partial Regex DeniedPain();
}
