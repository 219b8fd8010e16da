using System.Collections.Frozen;
using FitCoach.Domain.Exercises;

namespace FitCoach.Application.Features.Exercises.Matching;

/// <summary>
/// The fixed word knowledge behind <see cref="QueryNormalizer"/>: rewrites, stopwords and how much each kind of word
/// says about which exercise is meant. Everything here is applied to catalog names and queries alike, so a rewrite
/// only has to make both sides agree, not produce "correct" English.
/// </summary>
internal static class MatchVocabulary
{
    public const float CoreWeight = 1f;
    public const float QualifierWeight = 0.5f;
    public const float QueryQualifierWeight = 0.8f;
    public const float FillerWeight = 0.15f;
    public const float NumberWeight = 0.2f;

    // Numbers in a query are mostly sets, reps and loads ("squat 5x5 100kg"); they may confirm a name but barely
    // count when nothing has them.
    public const float QueryNumberWeight = 0.05f;

    /// <summary>
    /// Token-sequence rewrites, written in natural form (the left side is stemmed when the table is built). They cover
    /// abbreviations, equipment words, words people split or join differently, common misspellings that are too far
    /// from the right word for edit distance, and words speech recognition puts in place of gym words.
    /// </summary>
    public static readonly (string From, string To)[] Rewrites =
    [
        // equipment and its spellings
        ("db", "dumbbell"), ("dumbell", "dumbbell"), ("dumbel", "dumbbell"), ("dumbbel", "dumbbell"),
        ("dumb bell", "dumbbell"), ("bb", "barbell"), ("barbel", "barbell"), ("bar bell", "barbell"),
        ("kb", "kettlebell"), ("kettle bell", "kettlebell"), ("kettlebel", "kettlebell"), ("kettelbell", "kettlebell"),
        ("kettel bell", "kettlebell"), ("kettle", "kettlebell"), ("ez", "ezbar"), ("ez bar", "ezbar"),
        ("ez curl bar", "ezbar"), ("easy bar", "ezbar"), ("smith machine", "smith"), ("cable machine", "cable"),
        ("pulley", "cable"), ("leverage", "machine"), ("lever", "machine"), ("hammer strength", "machine"),
        ("katana", "cable"), // the Katana extension: a one-arm cable triceps extension across the body
        ("bw", "bodyweight"), ("body weight", "bodyweight"), ("banded", "band"), ("resistance band", "band"),
        ("mini band", "band"), ("medicine ball", "medicineball"), ("med ball", "medicineball"),
        ("medball", "medicineball"), ("exercise ball", "exerciseball"), ("stability ball", "exerciseball"),
        ("swiss ball", "exerciseball"), ("physio ball", "exerciseball"), ("physioball", "exerciseball"),
        ("fitness ball", "exerciseball"), ("trap bar", "trapbar"), ("hex bar", "trapbar"), ("hexbar", "trapbar"),
        ("t bar", "tbar"), ("tea bar", "tbar"), ("tee bar", "tbar"), ("v bar", "vbar"), ("vee bar", "vbar"),
        ("foam roller", "smr"), ("foam roll", "smr"), ("foam rolling", "smr"),

        // abbreviations lifters write
        ("rdl", "romanian deadlift"), ("sldl", "stiff leg deadlift"), ("ohp", "overhead press"),
        ("cgbp", "close grip bench press"), ("cgb", "close grip bench press"), ("cg", "close grip"),
        ("bss", "bulgarian split squat"), ("rfess", "bulgarian split squat"), ("ghr", "glute ham raise"),
        ("hspu", "handstand pushup"), ("tgu", "turkish getup"), ("dl", "deadlift"), ("bp", "bench press"),
        ("skb", "skullcrusher"), ("sdhp", "sumo deadlift high pull"), ("lpd", "lat pulldown"),
        ("hlr", "hanging leg raise"), ("mp", "military press"), ("ohs", "overhead squat"), ("sa", "one arm"),
        ("sl", "one leg"), ("ext", "extension"), ("tri", "tricep"), ("bi", "bicep"), ("bis", "bicep"),
        ("hammy", "hamstring"), ("hammie", "hamstring"), ("hams", "hamstring"), ("lat raise", "lateral raise"),
        ("scap", "scapular"), ("plyometric", "plyo"), ("deads", "deadlift"), ("dead", "deadlift"), ("dls", "deadlift"),

        // one word, several spellings
        ("1 arm", "onearm"), ("2 arm", "twoarm"), ("1 leg", "oneleg"), ("single", "one"), ("alternating", "alternate"),
        ("alt", "alternate"), ("one arm", "onearm"), ("two arm", "twoarm"), ("one leg", "oneleg"),
        ("double leg", "doubleleg"), ("inc", "incline"), ("dec", "decline"), ("bend over", "bent over"),
        ("eight", "8"), ("trx", "suspended"), ("it band", "itband"), ("iliotibial tract", "itband"),
        ("running", "run"), ("jogging", "jog"), ("walking", "walk"), ("jumping", "jump"), ("skipping", "skip"),
        ("legged", "leg"), ("armed", "arm"), ("laying", "lying"), ("sitting", "seated"), ("narrow grip", "close grip"),
        ("flye", "fly"), ("extention", "extension"), ("deltoid", "delt"), ("quadricep", "quad"), ("latissimus", "lat"),
        ("abdominal", "ab"), ("pectoral", "pec"), ("gluteus", "glute"), ("over head", "overhead"),
        ("hand stand", "handstand"), ("stair master", "stairmaster"), ("reverse grip", "underhand"),
        ("supinated grip", "underhand"), ("bicycle", "bike"), ("bicycling", "bike"), ("cycling", "bike"),
        ("ergometer", "erg"),

        // words written both joined and apart
        ("pull up", "pullup"), ("push up", "pushup"), ("press up", "pushup"), ("chin up", "chinup"),
        ("chin", "chinup"), ("sit up", "situp"), ("step up", "stepup"), ("muscle up", "muscleup"), ("get up", "getup"),
        ("dead lift", "deadlift"), ("pull down", "pulldown"), ("push down", "pushdown"), ("pull over", "pullover"),
        ("roll out", "rollout"), ("cross over", "crossover"), ("kick back", "kickback"),
        ("hyper extension", "hyperextension"), ("hyper", "hyperextension"), ("skull crusher", "skullcrusher"),
        ("skull crush", "skullcrusher"), ("wood chop", "woodchop"), ("wood chopper", "woodchop"),
        ("woodchopper", "woodchop"),

        // what speech recognition hears instead
        ("venture", "bench"), ("branch", "bench"), ("breast", "press"), ("pressed", "press"), ("benched", "bench"),
        ("squatted", "squat"), ("deadlifted", "deadlift"), ("curled", "curl"), ("rowed", "row"), ("girl", "curl"),
        ("lack", "lat"), ("lap", "lat"), ("lad", "lat"), ("scull", "skull"), ("roman in", "romanian"),
        ("roman", "romanian"), ("romaine", "romanian"), ("rumanian", "romanian"), ("rose", "row"), ("roe", "row"),
        ("squad", "squat"), ("goblin", "goblet"), ("lounge", "lunge"), ("calve", "calf"), ("bunch", "bench"),
        ("lunch", "lunge"), ("trust", "thrust"), ("pole", "pull"), ("peck", "pec"), ("pec dec", "pec deck"),
        ("pec dek", "pec deck"), ("race", "raise"), ("shrub", "shrug"), ("dib", "dip"), ("deadline", "deadlift"),
        ("pool", "pull"), ("squash", "squat"), ("raze", "raise"), ("try sep", "tricep"), ("bi sep", "bicep"),
        ("by sep", "bicep"),
    ];

    /// <summary>
    /// Words the rewrites turn into others, so no normalized name contains them, that people still misspell
    /// ("altrenating", "levarage", "stabilty ball"). The matcher corrects a misspelling to one of these, then
    /// rewrites. Common English words that a rewrite maps onto a gym word ("walking", "lunch") are left out: a
    /// misspelt "talking" must not become a treadmill walk.
    /// </summary>
    public static readonly string[] RewrittenWords =
    [
        "alternating", "leverage", "single", "medicine", "stability", "exercise", "physioball", "swiss", "quadricep",
        "latissimus", "abdominal", "deltoid", "pectoral", "iliotibial", "skull", "crusher", "supinated", "resistance",
        "strength", "bicycling",
    ];

    /// <summary>Stems the generic rules would get wrong.</summary>
    public static readonly FrozenDictionary<string, string> IrregularStems = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["calves"] = "calf",
        ["flies"] = "fly",
        ["carries"] = "carry",
        ["hammies"] = "hammy",
        ["bodies"] = "body",
        ["flyes"] = "fly",
        ["flys"] = "fly",
        ["ohs"] = "ohs",
        ["hams"] = "hams",
        ["bis"] = "bis",
        ["quadriceps"] = "quadricep",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words that carry no exercise meaning, including the chatter of a spoken log ("I did three sets of").</summary>
    public static readonly string[] Stopwords =
    [
        "a", "an", "the", "and", "or", "of", "with", "on", "to", "from", "in", "into", "onto", "at", "for", "by", "my",
        "i", "im", "me", "we", "our", "your", "it", "its", "is", "are", "was", "were", "be", "been", "did", "do", "does",
        "doing", "done", "some", "then", "than", "this", "that", "these", "those", "just", "also", "um", "uh", "er",
        "okay", "ok", "please", "logged", "add", "record", "set", "sets", "rep", "reps", "x", "kg", "kgs", "kilo",
        "kilos", "kilogram", "kilograms", "lb", "lbs", "pound", "pounds", "s", "few", "couple", "three", "four", "five",
        "six", "seven", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred",
        "today", "time", "times", "using", "use", "via", "each", "per", "against", "as", "after", "before", "again",
        "more", "another", "next", "round", "minute", "minutes", "second", "seconds", "got", "going", "gonna", "let",
        "lets", "start", "started", "finished", "have", "had", "has", "w", "rm", "pr", "pb", "max", "amrap", "emom",
        "superset", "dropset", "circuit", "warmup", "failure",
    ];

    /// <summary>Query and catalog words that name equipment, mapped to the contract vocabulary.</summary>
    public static readonly FrozenDictionary<string, string> EquipmentTokens = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["barbell"] = EquipmentVocabulary.Barbell,
        ["dumbbell"] = EquipmentVocabulary.Dumbbell,
        ["kettlebell"] = EquipmentVocabulary.Kettlebell,
        ["cable"] = EquipmentVocabulary.Cable,
        ["machine"] = EquipmentVocabulary.Machine,
        ["smith"] = EquipmentVocabulary.Machine,
        ["ezbar"] = EquipmentVocabulary.EzBar,
        ["band"] = EquipmentVocabulary.Bands,
        ["bodyweight"] = EquipmentVocabulary.Bodyweight,
        ["medicineball"] = EquipmentVocabulary.MedicineBall,
        ["exerciseball"] = EquipmentVocabulary.ExerciseBall,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The word an equipment hint adds to a query that names no equipment itself.</summary>
    public static readonly FrozenDictionary<string, string> HintTokens = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EquipmentVocabulary.Barbell] = "barbell",
        [EquipmentVocabulary.Dumbbell] = "dumbbell",
        [EquipmentVocabulary.Kettlebell] = "kettlebell",
        [EquipmentVocabulary.Cable] = "cable",
        [EquipmentVocabulary.Machine] = "machine",
        [EquipmentVocabulary.Bodyweight] = "bodyweight",
        [EquipmentVocabulary.Bands] = "band",
        [EquipmentVocabulary.EzBar] = "ezbar",
        [EquipmentVocabulary.MedicineBall] = "medicineball",
        [EquipmentVocabulary.ExerciseBall] = "exerciseball",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Words that refine a movement (posture, grip, side) rather than name it; missing ones cost little.</summary>
    public static readonly FrozenSet<string> Qualifiers = new[]
    {
        "seated", "lying", "bent", "over", "flat", "one", "two", "onearm", "twoarm", "oneleg", "doubleleg",
        "alternate", "close", "wide", "narrow", "stance", "palm", "facing", "neutral", "full", "range", "motion",
        "high", "low", "straight", "powerlifting", "olympic", "weighted", "supine", "prone", "elevated", "double",
        "bar", "assisted",
        "hand", "feet", "multiple", "response", "pronated", "supinated", "speed", "inner", "up", "down",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that describe nothing a lifter would use to tell two exercises apart.</summary>
    public static readonly FrozenSet<string> Fillers = new[]
    {
        "grip", "medium", "version", "attachment", "position", "style", "handle", "technique", "variation", "exercise",
        "standing",
        "regular", "normal", "basic", "standard", "classic", "conventional", "heavy", "light", "strict", "paused",
        "pause", "tempo", "movement", "hold",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Muscle and body-part words; a query of nothing else asks about a muscle, not an exercise.</summary>
    public static readonly FrozenSet<string> MuscleWords = new[]
    {
        "glute", "bicep", "tricep", "hamstring", "quad", "calf", "chest", "back", "shoulder", "lat", "trap", "ab",
        "forearm", "delt", "pec", "oblique", "neck", "hip", "core", "leg", "arm", "groin", "lower", "upper", "body",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that describe a bench press; "bench" with nothing but these means the bench press.</summary>
    public static readonly FrozenSet<string> BenchPressModifiers = new[]
    {
        "flat", "incline", "decline", "close", "wide", "narrow", "grip", "medium", "onearm", "neutral", "paused",
        "pause", "powerlifting", "competition", "underhand", "guillotine", "chain", "heavy", "light", "strict",
        "tempo", "spoto", "larsen", "touch", "go", "pin",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Gym words a glued query ("benchpress", "latpulldown") may be cut into before the catalog is known; the matcher
    /// cuts again with the vocabulary of the exercises it was built with.
    /// </summary>
    public static readonly string[] CommonWords =
    [
        "bench", "press", "squat", "deadlift", "curl", "row", "fly", "raise", "extension", "pulldown", "pushdown",
        "pullup", "pushup", "chinup", "situp", "stepup", "muscleup", "getup", "skullcrusher", "pullover", "rollout",
        "crossover", "kickback", "hyperextension", "lunge", "shrug", "dip", "crunch", "plank", "swing", "clean",
        "jerk", "snatch", "thrust", "bridge", "twist", "walk", "carry", "jump", "hop", "lift", "pull", "push", "leg",
        "arm", "hip", "glute", "ham", "hamstring", "calf", "chest", "back", "shoulder", "lat", "trap", "tricep",
        "bicep", "ab", "oblique", "delt", "rear", "front", "side", "lateral", "incline", "decline", "flat", "seated",
        "standing", "lying", "bent", "over", "close", "wide", "narrow", "grip", "reverse", "hammer", "preacher",
        "concentration", "spider", "drag", "face", "upright", "military", "overhead", "good", "morning", "romanian",
        "sumo", "stiff", "box", "goblet", "hack", "split", "bulgarian", "one", "two", "alternate", "wrist", "farmer",
        "rope", "floor", "plate", "sled", "kettlebell", "dumbbell", "barbell", "ezbar", "smith", "cable", "machine",
        "band", "bodyweight", "tbar", "vbar", "trapbar", "landmine", "donkey", "mountain", "climber", "russian",
        "turkish", "power", "hang", "high", "low", "straight", "knee", "neck", "pec", "deck", "butterfly", "arnold",
        "zottman", "nordic", "pistol", "sissy", "zercher", "jefferson", "windmill", "thruster", "woodchop", "pallof",
        "hanging", "single", "weighted", "assisted", "kipping", "handstand", "diamond", "skull", "crusher", "cross",
        "body",
    ];

    /// <summary>
    /// A word's weight on the query side. A qualifier the user says ("lying lateral raise") is a deliberate choice and
    /// counts more than one a catalog name carries and the user leaves out ("one-arm"); a number counts less.
    /// </summary>
    public static float QueryWeightOf(string token) =>
        Qualifiers.Contains(token) ? QueryQualifierWeight : IsNumber(token) ? QueryNumberWeight : WeightOf(token);

    public static bool IsNumber(string token) => token.Length > 0 && char.IsAsciiDigit(token[0]);

    /// <summary>How much a word says about which exercise is meant, before equipment handling.</summary>
    public static float WeightOf(string token)
    {
        if (IsNumber(token))
        {
            return NumberWeight;
        }

        if (Fillers.Contains(token))
        {
            return FillerWeight;
        }

        return Qualifiers.Contains(token) ? QualifierWeight : CoreWeight;
    }
}
