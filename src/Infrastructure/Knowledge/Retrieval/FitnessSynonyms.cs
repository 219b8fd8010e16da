using System.Collections.Frozen;

namespace FitCoach.Infrastructure.Knowledge.Retrieval;

/// <summary>
/// The fitness synonym and abbreviation table. Each group lists phrases that mean the same thing to a lifter or
/// runner; any phrase of a group found in a text adds the group's term (<c>~name</c>) to the text's terms, in documents
/// and questions alike, so either wording finds the other. Phrases are matched on stems, so plurals and verb forms
/// match too.
/// </summary>
public sealed class FitnessSynonyms
{
    /// <summary>Group name, then its phrases. Keep phrases specific: a loose phrase makes unrelated text match.</summary>
    public static readonly IReadOnlyList<(string Group, string[] Phrases)> Groups =
    [
        ("pain", ["pain", "painful", "hurt", "hurts", "hurting", "ache", "aches", "aching", "achy", "sore joint", "twinge"]),
        ("prevent", ["prevent", "prevention", "preventing", "avoid injury", "avoid getting injured", "avoid injuries", "injury risk", "reduce the risk", "stay injury free", "injury free", "prehab"]),
        ("doms", ["doms", "delayed onset muscle soreness", "muscle soreness", "sore muscles", "soreness", "sore after", "so sore"]),
        ("rdl", ["rdl", "rdls", "romanian deadlift"]),
        ("sldl", ["sldl", "stiff leg deadlift", "stiff legged deadlift"]),
        ("acwr", ["acwr", "acute chronic workload ratio", "acute to chronic", "acute chronic", "workload ratio", "training load spike"]),
        ("zone2", ["zone 2", "zone two", "z2", "liss", "low intensity steady state", "easy aerobic", "conversational pace"]),
        ("rpe", ["rpe", "rate of perceived exertion", "perceived exertion"]),
        ("rir", ["rir", "reps in reserve", "reps in the tank", "reps left"]),
        ("1rm", ["1rm", "one rep max", "one repetition maximum", "1 rep max", "max single", "e1rm", "estimated max", "true max"]),
        ("hiit", ["hiit", "high intensity interval", "interval training", "sprint interval", "intervals", "tabata"]),
        ("ohp", ["ohp", "overhead press", "military press", "shoulder press", "strict press"]),
        ("deadlift", ["deadlift", "deads", "dl", "pulling from the floor", "off the floor"]),
        ("pullup", ["pull up", "pullup", "chin up", "chinup", "chins"]),
        ("tendinopathy", ["tendinopathy", "tendinitis", "tendonitis", "tendinosis", "tendon pain"]),
        ("pfp", ["patellofemoral", "pfps", "pfp", "runners knee", "runner knee", "pain around the kneecap", "kneecap pain"]),
        ("patellar", ["patellar tendinopathy", "jumpers knee", "jumper knee", "patellar tendon", "below the kneecap"]),
        ("itbs", ["itbs", "it band", "itb", "iliotibial"]),
        ("plantar", ["plantar fasciitis", "plantar heel pain", "plantar fasciopathy", "heel pain", "bottom of my foot", "arch pain"]),
        ("shinsplints", ["shin splints", "shin splint", "mtss", "medial tibial stress", "shin pain"]),
        ("stressfracture", ["stress fracture", "bone stress injury", "stress reaction"]),
        ("achilles", ["achilles", "achilles tendon", "achilles tendinopathy"]),
        ("tenniselbow", ["tennis elbow", "lateral epicondylitis", "lateral epicondylalgia", "lateral elbow pain", "outside of my elbow"]),
        ("golferselbow", ["golfers elbow", "golfer elbow", "medial epicondylitis", "medial elbow pain", "inside of my elbow"]),
        ("rotatorcuff", ["rotator cuff", "supraspinatus", "infraspinatus", "shoulder impingement", "impingement", "subacromial"]),
        ("lowback", ["low back pain", "lower back pain", "lbp", "back pain", "lower back", "low back", "back tweak", "tweaked my back", "hurt my back"]),
        ("sciatica", ["sciatica", "radiculopathy", "radiating pain", "pain down my leg", "pain down the leg", "shooting pain", "numbness", "tingling", "pins and needles"]),
        ("disc", ["herniated disc", "disc herniation", "slipped disc", "bulging disc", "disc bulge", "disc injury"]),
        ("strain", ["muscle strain", "pulled muscle", "pulled my", "strained", "tweaked", "tweak", "torn muscle", "muscle tear"]),
        ("sprain", ["sprain", "sprained", "rolled my ankle", "rolled ankle", "twisted ankle", "ligament"]),
        ("acl", ["acl", "anterior cruciate", "cruciate ligament"]),
        ("meniscus", ["meniscus", "meniscal", "torn cartilage", "knee locking", "knee clicking"]),
        ("rhabdo", ["rhabdo", "rhabdomyolysis", "dark urine", "cola colored urine", "brown urine", "tea colored urine"]),
        ("mps", ["mps", "muscle protein synthesis"]),
        ("tdee", ["tdee", "maintenance calories", "total daily energy expenditure", "calories to maintain", "maintenance intake"]),
        ("deficit", ["calorie deficit", "caloric deficit", "energy deficit", "cutting", "fat loss", "lose fat", "losing fat", "lose weight", "losing weight", "weight loss", "shred", "lean out", "leaner"]),
        ("surplus", ["bulk", "bulking", "calorie surplus", "caloric surplus", "energy surplus", "gain weight", "weight gain", "gaining weight", "dirty bulk", "lean bulk"]),
        ("recomp", ["recomp", "recomposition", "body recomposition", "lose fat and build muscle", "build muscle and lose fat"]),
        ("hypertrophy", ["hypertrophy", "muscle growth", "build muscle", "building muscle", "gain muscle", "gaining muscle", "muscle gain", "bigger muscles", "muscle size", "grow muscle", "get bigger", "put on size", "mass"]),
        ("deload", ["deload", "back off week", "recovery week", "unload week", "light week", "deloading"]),
        ("overtraining", ["overtraining", "overreaching", "burnout", "burned out", "under recovered", "underrecovered", "always tired", "exhausted", "fatigued", "run down"]),
        ("vo2max", ["vo2max", "vo2 max", "aerobic capacity", "maximal oxygen uptake"]),
        ("threshold", ["lactate threshold", "threshold pace", "threshold run", "tempo run", "tempo runs", "cruise intervals"]),
        ("cadence", ["cadence", "step rate", "steps per minute", "spm", "overstriding", "overstride"]),
        ("mobility", ["mobility", "flexibility", "range of motion", "rom", "tightness", "stiff", "stiffness", "tight"]),
        ("warmup", ["warm up", "warmup", "warming up", "warm ups", "ramp up sets", "ramping sets"]),
        ("dup", ["dup", "daily undulating", "undulating periodization", "undulating"]),
        ("linear", ["linear progression", "lp", "add weight every session", "novice progression"]),
        ("amrap", ["amrap", "as many reps as possible", "as many rounds as possible"]),
        ("wod", ["wod", "workout of the day", "metcon", "metabolic conditioning", "crossfit"]),
        ("creatine", ["creatine", "creatine monohydrate", "creatine loading"]),
        ("caffeine", ["caffeine", "pre workout", "preworkout", "coffee", "energy drink"]),
        ("proteintiming", ["anabolic window", "protein timing", "post workout shake", "post workout protein", "after my workout", "after training", "before bed"]),
        ("protein", ["protein", "whey", "casein", "protein powder", "protein shake", "grams of protein"]),
        ("glutes", ["glute", "glutes", "gluteus", "butt", "booty", "hip thrust"]),
        ("abs", ["abs", "core", "abdominals", "abdominal", "six pack", "midsection"]),
        ("chest", ["pecs", "pectorals", "pectoral", "chest"]),
        ("quads", ["quads", "quadriceps", "quad", "front of my thigh"]),
        ("hamstrings", ["hams", "hamstring", "hamstrings", "back of my thigh"]),
        ("delts", ["delts", "deltoid", "deltoids", "shoulders"]),
        ("biceps", ["bicep", "biceps", "bis", "arm curls"]),
        ("triceps", ["tricep", "triceps", "tris"]),
        ("lats", ["lats", "latissimus", "lat", "back width"]),
        ("bodyweight", ["bodyweight", "body weight", "calisthenics", "no equipment", "at home", "home workout", "without weights"]),
        ("plateau", ["sticking point", "plateau", "plateaued", "stuck", "stall", "stalled", "stalling", "not progressing", "no progress", "hit a wall"]),
        ("buttwink", ["butt wink", "posterior pelvic tilt", "pelvic tuck", "tuck at the bottom"]),
        ("valgus", ["knee valgus", "knees cave", "knees caving", "knee cave", "valgus", "knees collapse", "knees going in"]),
        ("concurrent", ["concurrent training", "interference effect", "cardio and lifting", "cardio and weights", "running and lifting", "lifting and running", "cardio kill gains", "cardio kills gains", "hybrid athlete"]),
        ("hrv", ["hrv", "heart rate variability"]),
        ("rest", ["rest periods", "rest period", "rest between", "rest interval", "rest intervals", "rest time", "long rest", "how long should i rest", "how long to rest"]),
        ("frequency", ["training frequency", "how often", "times per week", "times a week", "days per week", "days a week", "per week"]),
        ("volume", ["training volume", "sets per week", "weekly sets", "how many sets", "number of sets", "sets per muscle", "weekly volume"]),
        ("failure", ["failure", "to failure", "train to failure", "failing reps", "muscular failure"]),
        ("overload", ["progressive overload", "add weight", "adding weight", "progression", "progress"]),
        ("older", ["older adults", "older adult", "elderly", "seniors", "over 50", "over 60", "over 40", "aging", "ageing", "masters athlete", "masters lifter"]),
        ("youth", ["teen", "teens", "teenager", "adolescent", "youth", "kids", "children"]),
        ("pregnancy", ["pregnant", "pregnancy", "postpartum", "prenatal", "postnatal"]),
        ("foamroll", ["foam roll", "foam roller", "foam rolling", "self myofascial release", "smr", "massage gun", "percussion"]),
        ("coldwater", ["ice bath", "cold water immersion", "cold plunge", "cwi", "cryotherapy", "cold shower"]),
        ("hydration", ["hydration", "water intake", "dehydration", "dehydrated", "electrolytes", "sodium", "sweat rate"]),
        ("carbs", ["carbs", "carb", "carbohydrate", "carbohydrates", "glycogen", "carb loading"]),
        ("fasting", ["intermittent fasting", "fasting", "fasted", "16 8", "time restricted eating"]),
        ("sleep", ["sleep", "sleeping", "insomnia", "naps", "nap", "hours of sleep"]),
        ("program531", ["531", "5 3 1", "wendler"]),
        ("novicepgm", ["starting strength", "stronglifts", "5x5", "greyskull", "novice program", "beginner program"]),
        ("split", ["ppl", "push pull legs", "upper lower", "full body", "bro split", "training split", "split"]),
        ("peaking", ["taper", "tapering", "peaking", "peak", "meet prep", "competition prep", "powerlifting meet", "meet day"]),
        ("vbt", ["vbt", "velocity based training", "bar speed", "bar velocity", "velocity loss"]),
        ("mrv", ["mrv", "mev", "mav", "maximum recoverable volume", "minimum effective volume"]),
        ("neat", ["neat", "non exercise activity", "daily steps", "step count", "steps a day"]),
        ("marathon", ["marathon", "half marathon", "26 2", "13 1"]),
        ("race5k", ["5k", "10k", "parkrun", "5 k", "10 k"]),
        ("longrun", ["long run", "long runs", "long slow distance", "lsd"]),
        ("mileage", ["mileage", "weekly mileage", "kilometres per week", "km per week", "miles per week", "weekly km", "running volume"]),
        ("runform", ["running form", "running technique", "heel strike", "heel striking", "forefoot strike", "footstrike", "foot strike"]),
        ("shoes", ["running shoes", "shoes", "minimalist", "barefoot running", "carbon plate", "super shoes"]),
        ("posture", ["posture", "rounded shoulders", "hunched", "desk job", "sitting all day", "anterior pelvic tilt"]),
        ("kipping", ["kipping", "kip", "butterfly pull ups"]),
        ("olympic", ["snatch", "clean and jerk", "power clean", "hang clean", "olympic lifts", "olympic lifting", "weightlifting"]),
        ("benchpress", ["bench press", "benching", "bench"]),
        ("squat", ["squat", "squats", "squatting", "back squat", "front squat"]),
        ("hipthrust", ["hip thrust", "hip thrusts", "glute bridge"]),
        ("wristpain", ["wrist pain", "wrist hurts", "sore wrist", "wrists hurt"]),
        ("neckpain", ["neck pain", "stiff neck", "neck hurts"]),
        ("hippain", ["hip pain", "hip impingement", "fai", "pinching in my hip", "hip pinch", "front of my hip"]),
        ("returntotrain", ["return to training", "return to lifting", "return to running", "coming back", "after time off", "getting back into", "detraining", "lost strength"]),
        ("beginner", ["beginner", "beginners", "novice", "new to lifting", "new to the gym", "just started", "starting out", "first time"]),
        ("women", ["women", "woman", "female", "females", "menstrual cycle", "period", "menopause"]),
        ("supplements", ["supplement", "supplements", "beta alanine", "citrulline", "bcaa", "bcaas", "fish oil", "vitamin d", "multivitamin"]),
        ("alcohol", ["alcohol", "drinking", "beer", "hangover"]),
    ];

    /// <summary>
    /// Groups whose phrases name related but different things (a half marathon and a marathon, a front and a back
    /// squat, protein before bed and after training, people over 40 and over 60): good for finding documents, wrong for
    /// deciding that two questions are the same one. A question's key terms (<see cref="TextAnalyzer.KeyTerms"/>, the
    /// coach answer cache's key) keep such a phrase's own words beside the group term; the other groups (an
    /// abbreviation and its long form, plain synonyms) collapse to the group term alone.
    /// </summary>
    public static readonly FrozenSet<string> KeepWordsInKey = new[]
    {
        "~marathon", "~race5k", "~older", "~youth", "~pregnancy", "~proteintiming", "~protein", "~caffeine", "~creatine",
        "~supplements", "~sleep", "~olympic", "~squat", "~hipthrust", "~glutes", "~sciatica", "~meniscus", "~mobility",
        "~hydration", "~carbs", "~fasting", "~novicepgm", "~runform", "~shoes", "~women", "~pullup", "~strain", "~sprain",
        "~peaking", "~returntotrain", "~posture", "~alcohol", "~bodyweight", "~longrun", "~threshold", "~cadence",
        "~rotatorcuff", "~overtraining", "~hiit", "~zone2", "~linear", "~deficit", "~surplus",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly Dictionary<string, List<(string[] Stems, string Term)>> _byFirstStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _singleWordGroups = new(StringComparer.Ordinal);

    public FitnessSynonyms(TextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(analyzer);
        foreach (var (group, phrases) in Groups)
        {
            foreach (var phrase in phrases)
            {
                var stems = TextAnalyzer.Words(phrase).Select(analyzer.Stem).ToArray();
                if (stems.Length == 0)
                {
                    continue;
                }

                if (!_byFirstStem.TryGetValue(stems[0], out var list))
                {
                    _byFirstStem[stems[0]] = list = [];
                }

                list.Add((stems, "~" + group));
                if (stems.Length == 1)
                {
                    if (!_singleWordGroups.TryGetValue(stems[0], out var groups))
                    {
                        _singleWordGroups[stems[0]] = groups = [];
                    }

                    if (!groups.Contains("~" + group))
                    {
                        groups.Add("~" + group);
                    }
                }
            }
        }

        foreach (var list in _byFirstStem.Values)
        {
            list.Sort((a, b) => b.Stems.Length.CompareTo(a.Stems.Length)); // longest phrase first
        }
    }

    /// <summary>The group terms whose phrases include this stem on its own ("hurt" → <c>~pain</c>).</summary>
    public IReadOnlyList<string> GroupsOf(string stem) =>
        _singleWordGroups.TryGetValue(stem, out var groups) ? groups : [];

    /// <summary>
    /// Adds a <c>~group</c> term for each group with a phrase starting at each position of <paramref name="stems"/>
    /// (a group counts once per position, however many of its phrases match there).
    /// </summary>
    public void AddGroupTerms(IReadOnlyList<string> stems, List<string> terms)
    {
        var addedHere = new List<string>(2);
        for (var i = 0; i < stems.Count; i++)
        {
            if (!_byFirstStem.TryGetValue(stems[i], out var candidates))
            {
                continue;
            }

            addedHere.Clear();
            foreach (var (phrase, term) in candidates)
            {
                if (!addedHere.Contains(term) && Matches(stems, i, phrase))
                {
                    terms.Add(term);
                    addedHere.Add(term);
                }
            }
        }
    }

    /// <summary>The longest phrase of any group starting at <paramref name="start"/>: its length in words and its group term.</summary>
    public (int Length, string Term)? LongestMatchAt(IReadOnlyList<string> stems, int start)
    {
        if (!_byFirstStem.TryGetValue(stems[start], out var candidates))
        {
            return null;
        }

        foreach (var (phrase, term) in candidates)
        {
            if (Matches(stems, start, phrase))
            {
                return (phrase.Length, term); // candidates are sorted longest first
            }
        }

        return null;
    }

    private static bool Matches(IReadOnlyList<string> stems, int start, string[] phrase)
    {
        if (start + phrase.Length > stems.Count)
        {
            return false;
        }

        for (var j = 1; j < phrase.Length; j++)
        {
            if (!string.Equals(stems[start + j], phrase[j], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
