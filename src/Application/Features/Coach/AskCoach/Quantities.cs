using System.Text.RegularExpressions;

namespace FitCoach.Application.Features.Coach.AskCoach;

/// <summary>The kinds of number a question can ask for and a sentence can state.</summary>
[Flags]
public enum QuantityKind
{
    None = 0,

    /// <summary>An amount per unit of body mass: 1.6 g/kg, 3–6 mg/kg, 0.7 g per pound.</summary>
    PerBodyMass = 1 << 0,

    /// <summary>Grams: 3–5 g, 20–40 g of protein.</summary>
    Mass = 1 << 1,

    /// <summary>Milligrams: 200 mg.</summary>
    Dose = 1 << 2,

    /// <summary>Seconds to months: 2–3 minutes, 7–9 hours, one week.</summary>
    Duration = 1 << 3,

    /// <summary>A share: 10 %, 40–60 percent, half.</summary>
    Percent = 1 << 4,

    Sets = 1 << 5,

    /// <summary>Repetitions, reps in reserve, rep maxima.</summary>
    Reps = 1 << 6,

    /// <summary>How often: 2–3 times a week, every 4–6 weeks, twice.</summary>
    Frequency = 1 << 7,

    /// <summary>Beats per minute or a share of maximal heart rate or heart-rate reserve.</summary>
    HeartRate = 1 << 8,

    /// <summary>An equation written out: 208 − 0.7 × age, 1RM = w × (1 + r/30).</summary>
    Formula = 1 << 9,

    /// <summary>A bare ratio range such as an ACWR of 0.8–1.3.</summary>
    Ratio = 1 << 10,

    /// <summary>Kilocalories.</summary>
    Energy = 1 << 11,

    /// <summary>Steps per minute.</summary>
    Cadence = 1 << 12,

    /// <summary>Kilometres or miles.</summary>
    Distance = 1 << 13,

    /// <summary>Kilograms or pounds: on the bar, or of body weight gained or lost.</summary>
    Load = 1 << 14,

    /// <summary>A change per week or month: 0.5–1 % of body weight a week, 0.25 kg a week.</summary>
    Rate = 1 << 15,

    /// <summary>Any other number.</summary>
    Number = 1 << 16,

    /// <summary>An equation named but not written out (Epley, Tanaka, Karvonen): a weaker answer than the equation.</summary>
    NamedFormula = 1 << 17,
}

/// <summary>
/// Reads which kind of number a question asks for ("how much caffeine" → milligrams or mg/kg; "how long should I rest"
/// → a duration; "how do I estimate my max heart rate" → a formula) and which kinds a sentence states, so the
/// offline composer can lead with the sentence that gives the asked number rather than the passage's first one. Rules
/// on words and units only: the same question or sentence always reads the same way.
/// </summary>
public static partial class Quantities
{
    /// <summary>
    /// The kinds of number <paramref name="question"/> asks for; <see cref="QuantityKind.None"/> when it asks none
    /// ("why do my knees cave", "is creatine safe") or none of a kind the rules can name ("how much arch should I
    /// bench with"), so the composer answers it as before rather than with whatever number comes first.
    /// </summary>
    public static QuantityKind Asked(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var q = question.ToLowerInvariant();
        if (!AsksQuantity().IsMatch(q))
        {
            return QuantityKind.None;
        }

        var kinds = QuantityKind.None;
        foreach (var (cue, asked) in Forms)
        {
            if (cue.IsMatch(q))
            {
                kinds |= asked;
            }
        }

        // A question for a formula wants the equation, not any number on the topic (the bpm spread between people).
        if ((kinds & QuantityKind.Formula) != 0)
        {
            return QuantityKind.Formula | QuantityKind.NamedFormula;
        }

        var definite = kinds != QuantityKind.None;
        foreach (var (cue, asked) in Topics)
        {
            if (cue.IsMatch(q))
            {
                kinds |= asked;
            }
        }

        // "How much" with no unit: what is asked about says which number answers it (sleep → hours, mileage → a %).
        if (!definite)
        {
            foreach (var (cue, asked) in Implied)
            {
                if (cue.IsMatch(q))
                {
                    kinds |= asked;
                }
            }
        }

        return kinds;
    }

    /// <summary>The kinds of number <paramref name="sentence"/> states (<see cref="QuantityKind.None"/> for none).</summary>
    public static QuantityKind Stated(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var kinds = QuantityKind.None;
        var regex = StatedQuantity();
        for (var at = NextAnchor(sentence, 0); at >= 0; at = NextAnchor(sentence, at))
        {
            var next = at + 1;
            foreach (var match in regex.EnumerateMatches(sentence, at))
            {
                kinds |= KindOf(sentence.AsSpan(match.Index, match.Length));
                next = match.Index + Math.Max(match.Length, 1);
                break;
            }

            at = next;
        }

        return kinds;
    }

    /// <summary>
    /// Where a stated quantity can start at or after <paramref name="from"/>: a number (not the digits after a decimal
    /// point), a number word or one of the words and signs the other shapes start with. The pattern is anchored
    /// (\G) and tried only there: tried at every character it cost a quarter of a millisecond per sentence.
    /// </summary>
    private static int NextAnchor(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            var previous = i == 0 ? ' ' : text[i - 1];
            if (char.IsDigit(c) && !char.IsLetterOrDigit(previous) && previous != '.')
            {
                return i;
            }

            if (c is '×' or '*' or '/')
            {
                return i;
            }

            if (char.IsLetter(c) && !char.IsLetter(previous))
            {
                var end = i;
                while (end < text.Length && char.IsLetter(text[end]))
                {
                    end++;
                }

                if (AnchorWords.Contains(text.AsSpan(i, end - i)))
                {
                    return i;
                }

                i = end - 1;
            }
        }

        return -1;
    }

    /// <summary>The words a stated quantity can start with: number words and the first words of the number-free shapes.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AnchorWords = System.Collections.Frozen.FrozenSet
        .ToFrozenSet(
            [
                "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen",
                "twenty", "thirty", "forty", "fifty", "sixty", "ninety", "a", "several", "once", "twice", "every", "by", "halve",
                "halves", "halved", "rep", "reps", "no", "zero", "rir", "minus", "x", "epley", "brzycki", "tanaka", "karvonen",
                "gellish", "lombardi", "mayhew", "wathan",
            ],
            StringComparer.OrdinalIgnoreCase)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a sentence stating <paramref name="stated"/> gives a number of a kind <paramref name="asked"/> asks for.</summary>
    public static bool Answers(QuantityKind asked, QuantityKind stated) => (asked & stated) != QuantityKind.None;

    /// <summary>
    /// Which alternative of <see cref="StatedQuantity"/> matched, told by the match itself: a named group per match
    /// would cost a Match object each, and this runs for every sentence of every retrieved passage.
    /// </summary>
    private static QuantityKind KindOf(ReadOnlySpan<char> match)
    {
        if (!match.ContainsAnyExcept(NumberCharacters))
        {
            // A bare number: a decimal below 3 is a ratio (an ACWR of 1.5), a four-digit 19xx or 20xx is a year.
            return match.Length > 2 && match[1] == '.' && match[0] is >= '0' and <= '2' ? QuantityKind.Ratio
                : match.Length == 4 && match[..2] is "19" or "20" ? QuantityKind.None
                : QuantityKind.Number;
        }

        var text = match.ToString().ToLowerInvariant();
        foreach (var (shape, kind) in Shapes)
        {
            if (shape.IsMatch(text))
            {
                return kind;
            }
        }

        return QuantityKind.Number;
    }

    private static readonly System.Buffers.SearchValues<char> NumberCharacters = System.Buffers.SearchValues.Create("0123456789.,");

    /// <summary>Question wordings that ask for an amount, a duration, a frequency, a share, a rate or a formula.</summary>
    [GeneratedRegex(@"\bhow\s+(much|many|long|often|frequently|fast|quickly|soon|far|heavy|big|slow)\b|\b(percent|percentage|dose|dosage|formula|equation|calculate|calculator|estimate|work\s+out\s+my|figure\s+out\s+my|ratio|cadence|sweet\s+spot)\b|\brate\s+of\b(?!\s+perceived)|\b(good|ideal|optimal|recommended|daily|right|best|minimum|maximum)\s+(\w+\s+)?intake\b|\b(reps?|heart\s+rate|hr|acwr|safe|ideal|optimal|target|good|best)\s+range\b|\bwhat\s+range\b|\bwhat\s+%|\bper\s+(day|week|hour|kg|kilo|pound|lb|meal|session|muscle|minute|month)\b|\bwhat(\s+is|'s|s)?\s+(\w+\s+){0,2}(acwr|heart\s+rate|hr|pace|zone|dose|cadence)\b|\b(rpe|rir)\s*(@\s*)?\d", RegexOptions.CultureInvariant)]
    private static partial Regex AsksQuantity();

    /// <summary>Wordings that name the kind of number outright ("how long", "how many sets", "what percentage").</summary>
    private static readonly (Regex Cue, QuantityKind Kinds)[] Forms =
    [
        (Cue(@"\bhow\s+(long|soon)\b|\bhow\s+much\s+time\b|\bhow\s+many\s+(hours|minutes|mins|seconds|secs|weeks|months|nights)\b|\bhow\s+many\s+days\b(?!\s+(a|per|each)\s+week)"), QuantityKind.Duration),
        (Cue(@"\bhow\s+(often|frequently)\b|\bhow\s+many\s+(\w+\s+)?(times|sessions|workouts|runs)\b|\bhow\s+many\s+days\s+(a|per|each)\s+week\b|\bfrequency\b"), QuantityKind.Frequency),
        (Cue(@"\bhow\s+many\s+(\w+\s+)?sets\b|\bsets\s+(per|a)\b|\bvolume\b"), QuantityKind.Sets),
        (Cue(@"\bhow\s+many\s+(\w+\s+)?reps\b|\brep\s+range\b|\breps?\s+(per|a)\s+set\b"), QuantityKind.Reps),
        (Cue(@"\bpercent|\bpercentage\b|\bwhat\s+%|\bby\s+how\s+much\b"), QuantityKind.Percent),
        (Cue(@"\bhow\s+many\s+(g|grams?)\b"), QuantityKind.Mass | QuantityKind.PerBodyMass),
        (Cue(@"\bhow\s+many\s+(mg|milligrams?)\b|\b(dose|dosage)\b"), QuantityKind.Dose | QuantityKind.Mass | QuantityKind.PerBodyMass),
        (Cue(@"\bhow\s+many\s+(calories|kcal)\b"), QuantityKind.Energy),
        (Cue(@"\bhow\s+many\s+steps\b|\bcadence\b"), QuantityKind.Cadence),
        (Cue(@"\b(formula|equation|calculate|calculator|estimate|work\s+out|figure\s+out|predict)\b"), QuantityKind.Formula),
        (Cue(@"\bhow\s+(fast|quickly)\b|\brate\s+of\b(?!\s+perceived)|\bhow\s+much\s+weight\b|\bhow\s+heavy\b"), QuantityKind.Rate | QuantityKind.Percent | QuantityKind.Load),
    ];

    /// <summary>What is asked about, which narrows the number whatever the wording (caffeine → mg, ACWR → a ratio).</summary>
    private static readonly (Regex Cue, QuantityKind Kinds)[] Topics =
    [
        (Cue(@"\b(mg|milligrams?|caffeine|caffiene|coffee|pre[\s-]?workout|energy\s+drinks?)\b"), QuantityKind.Dose | QuantityKind.PerBodyMass),
        (Cue(@"\b(protein|carbs?|carbohydrates?|creatine|fat\s+intake|grams?|fib(re|er)|casein|whey|beta[\s-]?alanine)\b"), QuantityKind.Mass | QuantityKind.PerBodyMass),
        (Cue(@"\b(calories|calorie|kcal|deficit|surplus)\b"), QuantityKind.Energy | QuantityKind.Percent),
        (Cue(@"\b(heart\s+rate|hr|bpm|pulse|zone\s*\d|hrmax|mhr)\b"), QuantityKind.HeartRate | QuantityKind.Percent),
        (Cue(@"\b(acwr|ratio|acute|chronic)\b"), QuantityKind.Ratio),
        (Cue(@"\b(rpe|rir)\b|\bshort\s+of\s+failure\b"), QuantityKind.Reps),
        (Cue(@"\b(1rm|one\s+rep\s+max|of\s+my\s+max)\b"), QuantityKind.Percent | QuantityKind.Load),
    ];

    /// <summary>For a "how much" or "what is a good" question only: the number its subject is measured in.</summary>
    private static readonly (Regex Cue, QuantityKind Kinds)[] Implied =
    [
        (Cue(@"\b(rest|sleep|nap|taper|tapering|deload|hold|warm[\s-]?up|recover|recovery|cardio|exercise|activity)\b"), QuantityKind.Duration),
        (Cue(@"\b(increase|raise|cut|reduce|drop|add)\b"), QuantityKind.Percent),
        (Cue(@"\b(mileage|miles|km|kilomet(re|er)s?|distance)\b"), QuantityKind.Distance | QuantityKind.Percent),
        (Cue(@"\b(lose|losing|loss|gain|gaining|bulk|bulking|cut|cutting)\b"), QuantityKind.Rate | QuantityKind.Percent | QuantityKind.Load),
        (Cue(@"\b(sets?|volume)\b"), QuantityKind.Sets),
        (Cue(@"\breps?\b"), QuantityKind.Reps),
    ];

    private static Regex Cue(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>
    /// A stated quantity: a number (or range) with its unit, a frequency, an equation, a bare decimal ratio, or a
    /// number-free shape ("reps in reserve", "half", a named equation). An equals sign alone is not an equation:
    /// "3 × 8 = 3 sets of 8 reps" and "RPE 8 = 2 RIR" restate, they do not compute. The units share one number
    /// prefix, so each position is read as a number once (this runs over every sentence of the retrieved passages),
    /// and are ordered so the more specific reading of the same words wins ("3 days a week" is a frequency, "every 4
    /// weeks" is not a duration).
    /// </summary>
    [GeneratedRegex(
        @"\G(?:(?<![\w.])(?:" + Range + @")\s*(?:" +
        @"(?:g|mg|ml|grams?|milligrams?)\s*(?:/|per|a|for\s+each)\s*(?:kg|kilo(?:gram)?s?|lbs?|pounds?)\b" +
        @"|%\s*(?:of\s+)?(?:your\s+)?(?:hr\s*max|hrmax|hrr|mhr|max(?:imum|imal)?\s+(?:heart\s+rate|hr)|heart[\s-]+rate\s+reserve)" +
        @"|(?:%|percent|per\s*cent|kg|lbs?|pounds?)\s*(?:of\s+(?:your\s+)?body\s*(?:weight|mass)\s*)?(?:a|per|/|each)\s*(?:week|month)\b" +
        @"|(?:hard\s+|working\s+|weekly\s+|direct\s+|total\s+|fractional\s+)*sets?\b" +
        @"|(?:(?:[a-z]+\s+)?(?:times?|x|sessions?|days?|workouts?|runs?)\s*)?(?:a|per|/|each)\s*(?:week|wk|day|month)\b" +
        @"|(?:bpm|beats)\b" +
        @"|(?:mg|milligrams?)\b" +
        @"|(?:kcal|calories|cal)\b" +
        @"|(?:g|grams?)\b" +
        @"|(?:%|percent|per\s*cent)" +
        @"|(?:s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|nights?|weeks?|wks?|months?)\b" +
        @"|(?:reps?|repetitions?|rir)\b" +
        @"|(?:steps|spm|strides)\b" +
        @"|(?:km|kilomet(?:re|er)s?|miles?|mi)\b" +
        @"|(?:kg|kilos?|lbs?|pounds?)\b)" +
        @"|\b(?:once|twice)\s*(?:(?:[a-z]+\s+)?(?:times?|x|sessions?|days?|workouts?|runs?)\s*)?(?:a|per|/|each)\s*(?:week|wk|day|month)\b" +
        @"|\bevery\s+(?:other\s+)?(?:(?:" + Range + @")\s*)?(?:weeks?|days?|months?|sessions?)\b" +
        @"|\b(?:by\s+(?:about\s+|roughly\s+|around\s+)?half|halve[sd]?)\b" +
        @"|\breps?\s+(?:in\s+(?:reserve|the\s+tank)|left)\b|\b(?:no|zero)\s+(?:more\s+)?reps\b|\brir\b|\b\d+\s*rm\b" +
        @"|\d+(?:\.\d+)?\s*[−–-]\s*(?:\(?\s*\d+(?:\.\d+)?\s*[×x*·]\s*)?(?:your\s+)?age\b|\bminus\s+(?:your\s+)?age\b|[×x*]\s*\(\s*1\s*\+|/\s*\(?\s*37\b|\b(?:epley|brzycki|tanaka|karvonen|gellish|lombardi|mayhew|wathan)\b" +
        @"|(?<![\w.])[0-2]\.\d+(?:\s*(?:[-–—]|to)\s*[0-2]\.\d+)?(?![\w.]|\s*(?:[-–—]|to)\s*\d)" +
        @"|\d+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatedQuantity();

    /// <summary>A number or a number range, in digits or in words ("2–3", "two to three", "a few").</summary>
    private const string Number = @"\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|a\s+few|a\s+couple\s+of|several";

    private const string Range = "(?:" + Number + @")(?:\s*(?:[-–—]|to|or)\s*(?:" + Number + "))?";

    /// <summary>The kind of one stated quantity, tested in the order of <see cref="StatedQuantity"/>'s alternatives.</summary>
    private static readonly (Regex Shape, QuantityKind Kind)[] Shapes =
    [
        (Shape(@"(?:g|mg|ml|grams?|milligrams?)\s*(?:/|per|a|for\s+each)\s*(?:kg|kilo|lb|pound)"), QuantityKind.PerBodyMass),
        (Shape(@"%\s*(?:of\s+)?(?:your\s+)?(?:hr|mhr|max|heart)"), QuantityKind.HeartRate | QuantityKind.Percent),
        (Shape(@"(?:%|percent|cent).*(?:a|per|/|each)\s*(?:week|month)$"), QuantityKind.Rate | QuantityKind.Percent),
        (Shape(@"(?:kg|lbs?|pounds?).*(?:a|per|/|each)\s*(?:week|month)$"), QuantityKind.Rate | QuantityKind.Load),
        (Shape(@"sets?$"), QuantityKind.Sets),
        (Shape(@"(?:a|per|/|each)\s*(?:week|wk|day|month)$|^every\b"), QuantityKind.Frequency),
        (Shape(@"(?:bpm|beats)$"), QuantityKind.HeartRate),
        (Shape(@"(?:mg|milligrams?)$"), QuantityKind.Dose),
        (Shape(@"(?:kcal|calories|cal)$"), QuantityKind.Energy),
        (Shape(@"\d\s*(?:g|grams?)$|(?:" + Number + @")\s+grams?$"), QuantityKind.Mass),
        (Shape(@"(?:%|percent|per\s*cent|half|halve[sd]?)$"), QuantityKind.Percent),
        (Shape(@"(?<![a-z])(?:s|secs?|seconds?|min|mins|minutes?|h|hrs?|hours?|days?|nights?|weeks?|wks?|months?)$"), QuantityKind.Duration),
        (Shape(@"(?:reps?|repetitions?|rir|reserve|tank|left)$|^\d+\s*rm$"), QuantityKind.Reps),
        (Shape(@"(?:steps|spm|strides)$"), QuantityKind.Cadence),
        (Shape(@"(?:km|kilomet(?:re|er)s?|miles?|mi)$"), QuantityKind.Distance),
        (Shape(@"(?:kg|kilos?|lbs?|pounds?)$"), QuantityKind.Load),
        (Shape(@"age$|[×x*]\s*\(|/\s*\(?\s*37"), QuantityKind.Formula),
        (Shape(@"^(?:epley|brzycki|tanaka|karvonen|gellish|lombardi|mayhew|wathan)$"), QuantityKind.NamedFormula),
        (Shape(@"^[0-2]\.\d+"), QuantityKind.Ratio),
    ];

    private static Regex Shape(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
