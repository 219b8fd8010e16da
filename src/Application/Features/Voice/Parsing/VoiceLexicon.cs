using System.Collections.Frozen;

namespace FitCoach.Application.Features.Voice.Parsing;

/// <summary>
/// The words of a spoken or typed training log that are not exercise names: units, set and rep words, markers, the
/// connectors between exercises and the chatter around them. Any word not listed here is taken as part of an
/// exercise name and handed to the exercise matcher.
/// </summary>
internal static class VoiceLexicon
{
    public const string Kilograms = "kg";
    public const string Pounds = "lb";

    public const double SecondsPerMinute = 60;
    public const double SecondsPerHour = 3600;
    public const double KmPerMile = 1.609344;
    public const double KmPerMeter = 0.001;
    public const double KmPerYard = 0.0009144;

    public static readonly FrozenDictionary<string, int> Units = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, int> Teens = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, int> Tens = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fourty"] = 40, ["fifty"] = 50, ["sixty"] = 60,
        ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words after which "a"/"an" means one: "a set of ten", "a minute", "an hour", "a plate".</summary>
    public static readonly FrozenSet<string> CountedByA = new[]
    {
        "set", "rep", "round", "minute", "min", "second", "sec", "hour", "mile", "kilometer", "kilometre", "km", "plate",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>What "one"/"two" qualify when they are part of a name ("one arm row", "2 leg press").</summary>
    public static readonly FrozenSet<string> LimbWords = new[]
    {
        "arm", "arms", "armed", "leg", "legs", "legged", "hand", "hands", "handed", "sided",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Weight units as said; "keys" is what speech recognition writes for "kgs".</summary>
    public static readonly FrozenDictionary<string, string> WeightUnits = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["kg"] = Kilograms, ["kgs"] = Kilograms, ["kilo"] = Kilograms, ["kilos"] = Kilograms, ["kilogram"] = Kilograms,
        ["kilograms"] = Kilograms, ["kilogramme"] = Kilograms, ["kilogrammes"] = Kilograms, ["keys"] = Kilograms,
        ["lb"] = Pounds, ["lbs"] = Pounds, ["pound"] = Pounds, ["pounds"] = Pounds, ["pounder"] = Pounds,
        ["pounders"] = Pounds,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Seconds per unit. Single letters ("h") only count right after a number; see the classifier.</summary>
    public static readonly FrozenDictionary<string, double> DurationUnits = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["sec"] = 1, ["secs"] = 1, ["second"] = 1, ["seconds"] = 1,
        ["min"] = SecondsPerMinute, ["mins"] = SecondsPerMinute, ["minute"] = SecondsPerMinute, ["minutes"] = SecondsPerMinute,
        ["hr"] = SecondsPerHour, ["hrs"] = SecondsPerHour, ["hour"] = SecondsPerHour, ["hours"] = SecondsPerHour,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, double> DistanceUnits = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["km"] = 1, ["kms"] = 1, ["kilometer"] = 1, ["kilometers"] = 1, ["kilometre"] = 1, ["kilometres"] = 1,
        ["mile"] = KmPerMile, ["miles"] = KmPerMile,
        ["meter"] = KmPerMeter, ["meters"] = KmPerMeter, ["metre"] = KmPerMeter, ["metres"] = KmPerMeter,
        ["yard"] = KmPerYard, ["yards"] = KmPerYard, ["yd"] = KmPerYard, ["yds"] = KmPerYard,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Units that are also common letters or words, so they count only right after a number.</summary>
    public static readonly FrozenDictionary<string, (TokenKind Kind, double Value)> UnitsAfterNumber =
        new Dictionary<string, (TokenKind, double)>(StringComparer.Ordinal)
        {
            ["h"] = (TokenKind.DurationUnit, SecondsPerHour),
            ["m"] = (TokenKind.DistanceUnit, KmPerMeter),
            ["mi"] = (TokenKind.DistanceUnit, KmPerMile),
            ["k"] = (TokenKind.KSuffix, 0),
            ["lap"] = (TokenKind.Reps, 0),
            ["laps"] = (TokenKind.Reps, 0),
            ["step"] = (TokenKind.Reps, 0),
            ["steps"] = (TokenKind.Reps, 0),
            ["trip"] = (TokenKind.Sets, 0),
            ["trips"] = (TokenKind.Sets, 0),
            ["pushes"] = (TokenKind.Sets, 0),
            ["carries"] = (TokenKind.Sets, 0),
            ["drags"] = (TokenKind.Sets, 0),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words that only colour a set named by a rep noun: "a heavy single", "a top double", "an easy triple".</summary>
    public static readonly FrozenSet<string> SetAdjectives = new[]
    {
        "heavy", "heavier", "light", "lighter", "top", "easy", "hard", "tough", "smooth", "solid", "clean", "fast",
        "slow", "grindy", "ugly", "big", "final", "last", "first", "paused", "quick",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Counts said in one word with their "times": "twice for 45 seconds", "once for 2 minutes".</summary>
    public static readonly FrozenDictionary<string, int> RepeatWords = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["once"] = 1, ["twice"] = 2, ["thrice"] = 3,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Reps a lifter names with a noun: "a single", "for a triple", "3 doubles".</summary>
    public static readonly FrozenDictionary<string, int> RepNouns = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["single"] = 1, ["singles"] = 1, ["double"] = 2, ["doubles"] = 2, ["triple"] = 3, ["triples"] = 3,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Phrases, matched longest first at each word (hyphens between their words are skipped, so "warm-up" is
    /// "warm up"). Single words that always mean the same thing are here too.
    /// </summary>
    public static readonly (string Phrase, TokenKind Kind)[] Phrases =
    [
        // between exercises
        ("then", TokenKind.Separator), ("and then", TokenKind.Separator), ("next", TokenKind.Separator),
        ("and next", TokenKind.Separator), ("after that", TokenKind.Separator), ("after this", TokenKind.Separator),
        ("afterwards", TokenKind.Separator), ("followed by", TokenKind.Separator), ("and followed by", TokenKind.Separator),
        ("superset with", TokenKind.Separator), ("supersetted with", TokenKind.Separator), ("superset", TokenKind.Separator),
        ("supersets", TokenKind.Separator), ("ss", TokenKind.Separator), ("also", TokenKind.Separator),
        ("and also", TokenKind.Separator), ("moved on to", TokenKind.Separator), ("moving on to", TokenKind.Separator),

        // plans are not a log of what was done
        ("next week", TokenKind.Plan), ("next time", TokenKind.Plan), ("next session", TokenKind.Plan),
        ("next workout", TokenKind.Plan), ("next month", TokenKind.Plan), ("tomorrow", TokenKind.Plan),
        ("gonna", TokenKind.Plan), ("going to try", TokenKind.Plan), ("going to do", TokenKind.Plan),
        ("going to go", TokenKind.Plan), ("going to hit", TokenKind.Plan), ("going to attempt", TokenKind.Plan),
        ("will", TokenKind.Plan), ("ill", TokenKind.Plan), ("plan", TokenKind.Plan), ("plans", TokenKind.Plan),
        ("planning", TokenKind.Plan), ("planned", TokenKind.Plan), ("hoping to", TokenKind.Plan),
        ("hope to", TokenKind.Plan), ("aiming", TokenKind.Plan), ("aim to", TokenKind.Plan), ("try to", TokenKind.Plan),
        ("should", TokenKind.Plan), ("goal", TokenKind.Plan),

        // doubt about what was done: the clause is a question, not a log
        ("was it", TokenKind.Doubt), ("or was it", TokenKind.Doubt), ("cant remember", TokenKind.Doubt),
        ("can not remember", TokenKind.Doubt), ("cannot remember", TokenKind.Doubt), ("dont remember", TokenKind.Doubt),
        ("do not remember", TokenKind.Doubt), ("cant recall", TokenKind.Doubt), ("dont recall", TokenKind.Doubt),
        ("not sure", TokenKind.Doubt), ("dont know", TokenKind.Doubt), ("forgot how many", TokenKind.Doubt),
        ("maybe", TokenKind.Doubt), ("perhaps", TokenKind.Doubt),

        // effort
        ("rpe", TokenKind.Rpe), ("r p e", TokenKind.Rpe), ("rate of perceived exertion", TokenKind.Rpe),
        ("felt like", TokenKind.Rpe), ("felt like a", TokenKind.Rpe), ("felt like an", TokenKind.Rpe),
        ("rir", TokenKind.Rir), ("r i r", TokenKind.Rir), ("reps in reserve", TokenKind.Rir),
        ("rep in reserve", TokenKind.Rir), ("reps in the tank", TokenKind.Rir), ("rep in the tank", TokenKind.Rir),
        ("reps left in the tank", TokenKind.Rir), ("rep left in the tank", TokenKind.Rir),
        ("in reserve", TokenKind.Rir), ("in the tank", TokenKind.Rir), ("left in the tank", TokenKind.Rir),

        // sides
        ("each side", TokenKind.Side), ("per side", TokenKind.Side), ("a side", TokenKind.Side),
        ("on each side", TokenKind.Side), ("each leg", TokenKind.Side), ("per leg", TokenKind.Side),
        ("a leg", TokenKind.Side), ("each arm", TokenKind.Side), ("per arm", TokenKind.Side), ("an arm", TokenKind.Side),
        ("each hand", TokenKind.Side), ("per hand", TokenKind.Side), ("a hand", TokenKind.Side),
        ("each way", TokenKind.Side), ("each direction", TokenKind.Side), ("per limb", TokenKind.Side),
        ("both sides", TokenKind.Side), ("both legs", TokenKind.Side), ("both arms", TokenKind.Side),
        ("on both sides", TokenKind.Side),

        // set types
        ("warm up", TokenKind.Warmup), ("warmup", TokenKind.Warmup), ("warm ups", TokenKind.Warmup),
        ("warmups", TokenKind.Warmup), ("warming up", TokenKind.Warmup), ("warmed up", TokenKind.Warmup),
        ("amrap", TokenKind.Amrap), ("as many as possible", TokenKind.Amrap), ("as many reps as possible", TokenKind.Amrap),
        ("max reps", TokenKind.Amrap), ("as many as i could", TokenKind.Amrap),
        ("to failure", TokenKind.Failure), ("till failure", TokenKind.Failure), ("until failure", TokenKind.Failure),
        ("failure", TokenKind.Failure),
        ("drop set", TokenKind.Dropset), ("drop sets", TokenKind.Dropset), ("dropset", TokenKind.Dropset),
        ("dropsets", TokenKind.Dropset), ("dropped to", TokenKind.Dropset), ("dropped down to", TokenKind.Dropset),
        ("drop to", TokenKind.Dropset), ("drop down to", TokenKind.Dropset), ("dropped the weight to", TokenKind.Dropset),
        ("drop set down to", TokenKind.Dropset), ("dropset down to", TokenKind.Dropset), ("drop set to", TokenKind.Dropset),
        ("dropped it to", TokenKind.Dropset), ("dropped it down to", TokenKind.Dropset), ("dropped down", TokenKind.Dropset),

        // rest between sets is not part of a set
        ("rest", TokenKind.Rest), ("rested", TokenKind.Rest), ("resting", TokenKind.Rest), ("rest period", TokenKind.Rest),
        ("break", TokenKind.Rest),

        // counts
        ("set", TokenKind.Sets), ("sets", TokenKind.Sets), ("round", TokenKind.Sets), ("rounds", TokenKind.Sets),
        ("rep", TokenKind.Reps), ("reps", TokenKind.Reps), ("repetition", TokenKind.Reps),
        ("repetitions", TokenKind.Reps), ("percent", TokenKind.Percent),
        ("and a half", TokenKind.Half), ("and half", TokenKind.Half), ("and a quarter", TokenKind.Quarter),

        // an unloaded or lightly loaded bar is a load of its own
        ("the bar", TokenKind.BarLoad), ("empty bar", TokenKind.BarLoad), ("the empty bar", TokenKind.BarLoad),
        ("an empty bar", TokenKind.BarLoad), ("just the bar", TokenKind.BarLoad), ("bar only", TokenKind.BarLoad),
        ("the bar only", TokenKind.BarLoad),

        // connectors the set grammar reads
        ("for", TokenKind.For), ("at", TokenKind.At), ("with", TokenKind.With), ("using", TokenKind.With),
        ("of", TokenKind.Of), ("in", TokenKind.In), ("and", TokenKind.And),

        // ordinals and labels name a set, they do not count one
        ("first set", TokenKind.Filler), ("second set", TokenKind.Filler), ("third set", TokenKind.Filler),
        ("fourth set", TokenKind.Filler), ("fifth set", TokenKind.Filler), ("that one", TokenKind.Filler), ("this one", TokenKind.Filler),
        ("straight into", TokenKind.Filler), ("hanging off", TokenKind.Filler), ("hanging from", TokenKind.Filler),
        ("every minute", TokenKind.Filler), ("each minute", TokenKind.Filler), ("on the minute", TokenKind.Filler),
        ("rep max", TokenKind.Filler), ("alternating legs", TokenKind.Filler), ("alternating arms", TokenKind.Filler),
        ("alternate legs", TokenKind.Filler), ("alternate arms", TokenKind.Filler), ("worked up to", TokenKind.Filler),
        ("work up to", TokenKind.Filler), ("built up to", TokenKind.Filler), ("ramped up to", TokenKind.Filler),
        ("first one", TokenKind.Filler),
        ("all of them", TokenKind.Filler), ("all of those", TokenKind.Filler), ("all sets", TokenKind.Filler),
        ("all the sets", TokenKind.Filler), ("all", TokenKind.Filler), ("every set", TokenKind.Filler),
        ("every one", TokenKind.Filler), ("each set", TokenKind.Filler), ("each one", TokenKind.Filler),
        ("all fours", TokenKind.Word),
        ("on my back", TokenKind.Filler), ("on my chest", TokenKind.Filler), ("on my shoulders", TokenKind.Filler),
        ("on my lap", TokenKind.Filler), ("on my hips", TokenKind.Filler),
        ("last set", TokenKind.LastSet), ("final set", TokenKind.LastSet), ("last one", TokenKind.LastSet),

        // the load of the set said before: "a fourth set at the same weight"
        ("same weight", TokenKind.SameLoad), ("the same weight", TokenKind.SameLoad), ("same load", TokenKind.SameLoad),
        ("the same load", TokenKind.SameLoad),

        // a machine's pin: "stack on 70" is the load
        ("stack on", TokenKind.At), ("stack at", TokenKind.At), ("pin on", TokenKind.At), ("pin at", TokenKind.At),

        // every minute on the minute: one set a minute for as many minutes as said
        ("emom", TokenKind.Emom), ("e m o m", TokenKind.Emom), ("every minute on the minute", TokenKind.Emom),

        // working sets end the warm-ups
        ("top set", TokenKind.Working), ("working set", TokenKind.Working), ("working sets", TokenKind.Working),
        ("work sets", TokenKind.Working), ("work set", TokenKind.Working), ("back off set", TokenKind.Working),
        ("back off sets", TokenKind.Working), ("backoff set", TokenKind.Working), ("backoff sets", TokenKind.Working),
        ("back off", TokenKind.Working), ("backoff", TokenKind.Working), ("backoffs", TokenKind.Working),
        ("back offs", TokenKind.Working), ("backed off", TokenKind.Working), ("backed off to", TokenKind.Working),
        ("backing off to", TokenKind.Working), ("backed down to", TokenKind.Working),

        // two words that are one name, so neither is read alone ("good" is a comment, "weight" chatter)
        ("body weight", TokenKind.Word), ("good morning", TokenKind.Word), ("good mornings", TokenKind.Word),

        // the day's label is not an exercise
        ("push day", TokenKind.Filler), ("pull day", TokenKind.Filler), ("leg day", TokenKind.Filler),
        ("legs day", TokenKind.Filler), ("chest day", TokenKind.Filler), ("back day", TokenKind.Filler),
        ("arm day", TokenKind.Filler), ("arms day", TokenKind.Filler), ("shoulder day", TokenKind.Filler),
        ("shoulders day", TokenKind.Filler), ("upper day", TokenKind.Filler), ("lower day", TokenKind.Filler),
        ("upper body day", TokenKind.Filler), ("lower body day", TokenKind.Filler), ("full body day", TokenKind.Filler),
        ("cardio day", TokenKind.Filler), ("day", TokenKind.Filler),
        ("for me", TokenKind.Filler), ("log it", TokenKind.Filler), ("log that", TokenKind.Filler),
    ];

    /// <summary>Chatter around a log that carries nothing to store.</summary>
    public static readonly FrozenSet<string> Fillers = new[]
    {
        "a", "an", "the", "on", "to", "my", "me", "i", "ive", "im", "id", "we", "you", "it", "its", "this", "that",
        "these", "those", "them", "there", "here", "some", "just", "did", "do", "done", "doing", "log", "logged",
        "logging", "record", "track", "add", "put", "please", "pls", "completed", "complete", "finished", "finish",
        "hit", "got", "managed", "went", "go", "today", "tonight", "um", "umm", "uh", "uhh", "er", "erm",
        "like", "so", "okay", "ok", "alright", "yeah", "yes", "well", "now", "was", "were", "is", "are", "be", "been",
        "have", "had", "has", "workout", "session", "gym", "training", "each", "per", "another", "more", "again",
        "total", "about", "around", "roughly", "approximately", "held", "holding", "performed", "knocked", "out",
        "banged", "pumped", "pair", "couple", "few", "several", "multiple", "weight", "weights", "working", "started", "start", "after", "before",
        "followed", "by", "x", "times", "s", "max", "morning", "evening", "afternoon", "yesterday", "throughout",
        "belt", "vest", "hey", "can", "could", "would", "will", "want", "wanna", "need", "gonna", "going", "let",
        "lets", "quick", "quickly", "hold", "holds", "as", "third", "fourth", "fifth", "sixth",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>How a set felt or went: kept as unparsed text, never taken for an exercise name.</summary>
    public static readonly FrozenSet<string> Comments = new[]
    {
        "felt", "feel", "feeling", "easy", "hard", "tough", "brutal", "grindy", "grind", "smooth", "strong", "weak",
        "good", "great", "nice", "awesome", "terrible", "bad", "pr", "pb", "personal", "new", "form", "pain", "hurt",
        "hurts", "tired", "help", "spotter", "spot", "missed", "failed", "sloppy", "solid", "fast", "slow", "really",
        "pretty", "very", "quite", "super",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that only say what the load was held in; alone they name no exercise.</summary>
    public static readonly FrozenSet<string> EquipmentWords = new[]
    {
        "dumbbell", "dumbbells", "dumbell", "dumbells", "db", "dbs", "barbell", "barbells", "bb", "kettlebell",
        "kettlebells", "kb", "kbs", "bell", "bells", "cable", "cables", "machine", "machines", "smith", "band", "bands",
        "bar", "bars", "ez", "ezbar", "trap", "hex", "rope", "bodyweight", "body weight", "sled", "stack",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that may sit inside an exercise name: "calf raises on the leg press", "curls with the ez bar".</summary>
    public static readonly FrozenSet<string> NameJoiners = new[]
    {
        "of", "the", "on", "with", "a", "an", "in", "-", "/", "(", ")", "&",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Cardio machine settings: "at incline 12", "level 8". They describe the session, not a set.</summary>
    public static readonly FrozenSet<string> MachineSettings = new[]
    {
        "incline", "level", "speed", "resistance", "gradient", "setting",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Shorthand lifters type that the matcher does not expand; an empty value drops the word.</summary>
    public static readonly FrozenDictionary<string, string> NameShorthand = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sq"] = "squat", ["sqs"] = "squat", ["bsq"] = "back squat", ["fsq"] = "front squat", ["deads"] = "deadlift",
        ["comp"] = "", ["competition"] = "", ["ride"] = "", ["riding"] = "cycling",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Past tenses a log uses for cardio that the matcher does not know.</summary>
    public static readonly FrozenDictionary<string, string> CardioVerbs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ran"] = "run", ["jogged"] = "jog", ["walked"] = "walk", ["biked"] = "bike", ["cycled"] = "cycling",
        ["rode"] = "bike", ["hiked"] = "walk", ["sprinted"] = "sprint", ["swam"] = "swimming", ["swim"] = "swimming",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
