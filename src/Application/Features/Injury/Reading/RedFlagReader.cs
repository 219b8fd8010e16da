using System.Text.RegularExpressions;

namespace FitCoach.Application.Features.Injury.Reading;

/// <summary>A warning sign found in a description, with the words that showed it and what to do.</summary>
public sealed record RedFlag(string Kind, string Evidence, string Advice);

/// <summary>
/// Finds the warning signs in a pain description that need a clinician (sports-science reference §9): nerve signs
/// down a limb, bladder or bowel changes, deformity, a pop with swelling or a joint giving way, not bearing weight,
/// chest pain, dark urine after training, night or rest pain, fever, a fall or collision, sudden weakness, fainting or
/// severe breathlessness, a hot swollen calf. Negation and time are read per clause: "no numbness", "without any
/// swelling", "didn't hear a pop", "used to tingle but not anymore", "it went away" raise nothing. Deterministic rules,
/// tuned to flag when in doubt: a missed red flag costs more than a question.
/// </summary>
public static partial class RedFlagReader
{
    public const string NeuroLimb = "neuro_limb";
    public const string BladderBowel = "bladder_bowel";
    public const string Deformity = "deformity";
    public const string PopSwellingInstability = "pop_swelling_instability";
    public const string CannotBearWeight = "cannot_bear_weight";
    public const string Chest = "chest";
    public const string DarkUrine = "dark_urine";
    public const string NightRestPain = "night_rest_pain";
    public const string FeverJoint = "fever_joint";
    public const string Trauma = "trauma";
    public const string Weakness = "weakness";
    public const string SyncopeBreathless = "syncope_breathless";
    public const string Dvt = "dvt";

    private static readonly (string Kind, Regex Cue, string Advice)[] Single =
    [
        (NeuroLimb, new(@"\b(?:numb\w*|tingl\w*|pins and needles|pins n needles|electric\w*(?: shock)?|shooting (?:pain )?(?:down|into)|radiat\w* (?:down|into)|burning (?:down|into)|sciatica)\b", RegexOptions.CultureInvariant),
            "Numbness, tingling or pain shooting down a limb can mean an irritated nerve: get it assessed by a doctor or physiotherapist before loading it again, urgently if it spreads or comes with weakness."),
        (BladderBowel, new(@"\b(?:bladder|bowels?|incontinen\w*|wet myself|pee(?:d)? myself|peed a little|leak\w* (?:urine|pee)|can'?t (?:hold|control) (?:my )?(?:pee|bladder|bowels?|poo)|saddle|numb (?:between|around) my (?:legs|groin|bum|butt))\b", RegexOptions.CultureInvariant),
            "A change in bladder or bowel control, or numbness between the legs, with back pain needs emergency care now (it can signal pressure on the nerves at the base of the spine)."),
        (Deformity, new(@"\b(?:deform\w*|looks? (?:\w+\s+)?(?:bent|crooked|out of place|wrong|weird|misshapen|deformed)|bent (?:sideways|backwards|the wrong way)|bone (?:sticking|poking)|dislocat\w*|out of (?:its |the )?socket|popped out|lump where)\b", RegexOptions.CultureInvariant),
            "A joint or bone that looks out of place needs emergency care: don't try to put it back yourself."),
        (CannotBearWeight, new(@"\b(?:can'?t|cannot|can not|unable to|couldn'?t|could not|not able to)\s+(?:even\s+)?(?:\w+\s+(?:or\s+)?){0,2}?(?:walk|bear (?:any )?weight|put (?:any )?weight|stand on|weight ?bear|put my (?:foot|leg) down|take a step|step on)\w*", RegexOptions.CultureInvariant),
            "Not being able to bear weight or take four steps after an injury is a reason for an X-ray the same day (Ottawa rules)."),
        (Chest, new(@"\b(?:chest (?:\w+\s+){0,2}?(?:pain|pressure|tightness|tight|squeez\w*|heaviness|heavy|crushing)|(?:pressure|tightness|tight|pain|heaviness|heavy|squeez\w*|crushing)\b(?:\s+\w+){0,2}\s+(?:in|across|on) (?:my |the )?chest)\b", RegexOptions.CultureInvariant),
            "Chest pain, pressure or tightness with exercise: stop, and get emergency help if it lasts more than a few minutes, spreads to the arm, jaw or back, or comes with breathlessness, sweating or dizziness."),
        (DarkUrine, new(@"\b(?:(?:dark|brown|cola|coke|tea|black)(?:[- ]colou?red)?\s+(?:urine|pee|piss|wee)|(?:urine|pee|piss|wee)\b(?:\s+\w+){0,4}?\s+(?:dark|brown|cola|coke|coca|tea|black))\b", RegexOptions.CultureInvariant),
            "Dark (cola- or tea-coloured) urine after hard training, with severe muscle pain or swelling, can mean rhabdomyolysis: see a doctor today and don't train."),
        (NightRestPain, new(@"\b(?:wakes? me|woke me|waking me|keeps? me (?:up|awake)|at night|night pain|at rest|resting pain|even when (?:i'?m )?(?:resting|lying|sitting|in bed)|constant(?:ly)? (?:pain|aching|throbbing)|pain is constant|doesn'?t (?:ever )?(?:stop|let up|go away)|all the time|24/?7|nonstop)\b", RegexOptions.CultureInvariant),
            "Pain at night or at rest that doesn't ease with a change of position should be seen by a doctor, especially with weight loss, fever or a history of cancer."),
        (FeverJoint, new(@"\b(?:fever\w*|temperature|chills|shiver\w*|sweats at night|feel(?:ing)? (?:really |very )?(?:unwell|ill|sick|rough|flu-?ish|feverish))\b", RegexOptions.CultureInvariant),
            "A fever or feeling unwell with a hot, swollen or painful joint needs a doctor the same day: joint infections need treatment quickly."),
        (Trauma, new(@"\b(?:fell|fall(?:en|ing)?|tripped|crash\w*|collision|collided|tackl\w*|hit by|got hit|was hit|landed (?:on|badly|awkward\w*)|car accident|knocked|slipped|kicked|came off)\b", RegexOptions.CultureInvariant),
            "Pain after a fall, crash or collision can hide a fracture: get it examined, the same day if it is swollen, bruised, misshapen or you can't use it."),
        (Weakness, new(@"\b(?:foot drop|foot (?:\w+\s+){0,2}?(?:slap\w*|drag\w*|flop\w*)|drag\w* my (?:foot|leg)|can'?t (?:grip|hold (?:a|the|my)|lift (?:my |it |the front of my )(?:\w+\s*)?|raise my arm)|sudden(?:ly)? weak\w*|lost (?:my )?(?:grip|strength)|(?:arm|leg|hand|foot)\s+(?:\w+\s+)?(?:went|goes|gone|is|feels?)\s+(?:\w+\s+)?(?:weak|dead|limp)|weak(?:ness)? in (?:my )?(?:arm|leg|hand|foot|grip))", RegexOptions.CultureInvariant),
            "New weakness in an arm, hand, leg or foot (dropping things, a foot that slaps) needs prompt assessment; if it comes on suddenly with a drooping face or slurred speech, call emergency services."),
        (SyncopeBreathless, new(@"\b(?:faint\w*|passed out|pass out|blacked out|black(?:ing)? out|collapsed|severe(?:ly)? (?:short of breath|breathless)|couldn'?t (?:breathe|catch my breath)|can'?t (?:breathe|catch my breath)|gasping|struggl\w* to breathe)\b", RegexOptions.CultureInvariant),
            "Fainting or severe breathlessness during exercise needs a doctor before you train again, and emergency care if it comes with chest pain or palpitations."),
        (Dvt, new(@"\b(?:blood clot|dvt|deep vein)\b", RegexOptions.CultureInvariant), DvtAdvice),
    ];

    private const string DvtAdvice = "A swollen, red, warm calf can be a blood clot: see a doctor today, and get emergency help if you are short of breath or have chest pain.";

    private const string PopAdvice = "A pop or snap with swelling straight away, or a joint giving way, can mean a torn ligament or tendon: stop, protect it, and get it assessed within a day or two.";

    public static IReadOnlyList<RedFlag> Read(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return [];
        }

        var text = description.ToLowerInvariant().Replace('’', '\'').Replace("dont", "don't", StringComparison.Ordinal)
            .Replace("didnt", "didn't", StringComparison.Ordinal).Replace("doesnt", "doesn't", StringComparison.Ordinal)
            .Replace("cant ", "can't ", StringComparison.Ordinal).Replace("couldnt", "couldn't", StringComparison.Ordinal)
            .Replace("wasnt", "wasn't", StringComparison.Ordinal).Replace("isnt", "isn't", StringComparison.Ordinal);
        var clauses = ClauseBreak().Split(text).Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        var flags = new List<RedFlag>();
        foreach (var (kind, cue, advice) in Single)
        {
            if (Affirmed(clauses, cue) is { } evidence)
            {
                flags.Add(new RedFlag(kind, evidence, advice));
            }
        }

        // A pop or snap counts with swelling anywhere in the description; giving way counts on its own.
        var pop = Affirmed(clauses, PopCue());
        var swelling = Affirmed(clauses, SwellingCue());
        var givingWay = Affirmed(clauses, GivingWayCue());
        if ((pop is not null && swelling is not null) || givingWay is not null)
        {
            flags.Add(new RedFlag(PopSwellingInstability, givingWay ?? $"{pop}, {swelling}", PopAdvice));
        }

        // A calf that is swollen and red or warm, without an injury to explain it.
        if (flags.TrueForAll(f => f.Kind != Dvt) && Affirmed(clauses, CalfCue()) is { } calf && swelling is not null && Affirmed(clauses, RedWarmCue()) is { } redWarm)
        {
            flags.Add(new RedFlag(Dvt, $"{calf}, {swelling}, {redWarm}", DvtAdvice));
        }

        return flags;
    }

    /// <summary>The first match of <paramref name="cue"/> that no negation or "no longer" takes back, or null.</summary>
    private static string? Affirmed(List<string> clauses, Regex cue)
    {
        foreach (var clause in clauses)
        {
            if (Resolved().IsMatch(clause))
            {
                continue; // "used to tingle", "the numbness went away", "not anymore"
            }

            foreach (Match m in cue.Matches(clause))
            {
                var before = clause[..m.Index];
                if (NegatedBefore().IsMatch(before))
                {
                    continue;
                }

                var after = clause[(m.Index + m.Length)..];
                if (DeniedAfter().IsMatch(after))
                {
                    continue;
                }

                return m.Value.Trim();
            }
        }

        return null;
    }

    /// <summary>Clauses: sentences, and the parts a contrast or a list joins ("no numbness, but it gave way").</summary>
    [GeneratedRegex(@"[.;!?\n]+|,|\bbut\b|\bthough\b|\btho\b|\bhowever\b|\bexcept\b|\bjust\b|\bonly\b|\balthough\b|\bwhereas\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClauseBreak();

    /// <summary>A negation within a few words before the cue ("no", "without any", "didn't hear a", "never had").</summary>
    [GeneratedRegex(@"(?:\bno|\bnot|\bnever|\bwithout|\bdenies|\bnone|\bzero|\bfree of|\bnor|n't|\bnothing like|\bno sign of|\babsence of)\s+(?:\w+\s+){0,4}$|(?:\bno|\bnot|\bnever|\bwithout|\bnor|n't)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NegatedBefore();

    /// <summary>A denial right after the cue ("tingling? none", "swelling: no", "numbness is gone").</summary>
    [GeneratedRegex(@"^\s*(?:\?\s*)?(?::\s*)?(?:none|no\b|nope|is gone|has gone|went away|stopped|settled|cleared|isn'?t there|wasn'?t there|is fine)|^(?:\s+(?:and|or)\s+\w+)?\s+(?:(?:are|is|all|both|totally|completely)\s+)*(?:normal|fine|ok|okay)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DeniedAfter();

    /// <summary>A clause about the past that is over: "used to tingle", "went away", "not anymore", "no longer", "gone now".</summary>
    [GeneratedRegex(@"\bused to\b|\bnot any ?more\b|\bno longer\b|\bwent away\b|\bhas gone\b|\bis gone\b|\bgone now\b|\bresolved\b|\bhas settled\b|\bcleared up\b|\bfine now\b|\byears ago\b|\blast year\b|\bas a kid\b|\bwhen i was (?:a kid|young|younger|a teen)|\bin the past\b|\bback in (?:school|the day)", RegexOptions.CultureInvariant)]
    private static partial Regex Resolved();

    [GeneratedRegex(@"\b(?:pop\w*|snap\w*|heard a crack|felt a crack|something tore|tore something|felt it tear|ripp\w*)\b", RegexOptions.CultureInvariant)]
    private static partial Regex PopCue();

    [GeneratedRegex(@"\b(?:swell\w*|swollen|ballooned|puffed up|puffy|blew up|(?:way |much |a lot )?bigger than the other)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SwellingCue();

    [GeneratedRegex(@"\b(?:gave way|giving way|gives way|give way|buckl\w*|collapsed under me|went from under me|keeps going out|knee (?:went|goes) out|ankle (?:went|goes) out)\b", RegexOptions.CultureInvariant)]
    private static partial Regex GivingWayCue();

    [GeneratedRegex(@"\b(?:calf|calves)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CalfCue();

    [GeneratedRegex(@"\b(?:red|redness|warm|hot|inflamed)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RedWarmCue();
}
