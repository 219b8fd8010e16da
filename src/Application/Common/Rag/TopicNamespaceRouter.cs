using FitCoach.Application.Common.Ports;

namespace FitCoach.Application.Common.Rag;

/// <summary>
/// Chooses the 10–15 namespaces a free-text question should search when a request asks the pipeline to choose: the
/// namespaces whose topic words the question mentions, then the namespaces whose documents match the question best
/// (<see cref="INamespaceAffinity"/>, a cheap local pass), then the general training ones, so a question with no
/// topic word still searches where its words are.
/// </summary>
public sealed class TopicNamespaceRouter
{
    /// <summary>Namespaces whose best document scores at least this fraction of the best namespace's are added up to the maximum.</summary>
    private const double StrongAffinity = 0.9;

    private readonly INamespaceAffinity? _affinity;

    public TopicNamespaceRouter()
    {
    }

    public TopicNamespaceRouter(IEnumerable<INamespaceAffinity> affinity)
    {
        ArgumentNullException.ThrowIfNull(affinity);
        _affinity = affinity.FirstOrDefault();
    }

    private const int MaxNamespaces = 15;
    private const int MinNamespaces = 10;

    private static readonly (string[] Words, string[] Namespaces)[] Topics =
    [
        (["injur", "pain", "hurt", "sore", "strain", "sprain", "tendon", "tendin", "ache", "tweak", "pinch", "impinge", "elbow",
            "disc", "herniat", "sciatic", "numb", "tingl", "pulled", "torn", "tear", "rehab", "physio", "bursitis", "plantar",
            "shin splint", "achilles", "rotator", "pop", "swollen", "swelling", "clicking", "niggle", "can't bear", "gave way", "giving way"],
            [KnowledgeNamespaces.InjuryAnalysis, KnowledgeNamespaces.InjuryManagement, KnowledgeNamespaces.InjuryPrevention, KnowledgeNamespaces.ExerciseSubstitution,
                KnowledgeNamespaces.PowerliftingInjuries]),
        (["run", "marathon", "5k", "10k", "jog", "pace", "vdot", "zone 2", "cardio", "aerobic", "hiit", "conditioning", "heart rate", "vo2",
            "mileage", "miles", "km a week", "sprint", "couch to", "c25k", "treadmill", "trail", "stride", "cadence"],
            [KnowledgeNamespaces.RunningCardio, KnowledgeNamespaces.CardioConditioning, KnowledgeNamespaces.RunningInjuries]),
        (["protein", "calori", "diet", "eat", "food", "carb", "fat loss", "cut", "bulk", "creatine", "supplement", "caffeine", "macro", "hydrat", "vitamin",
            "deficit", "defecit", "surplus", "body fat", "bf", "weight loss", "lose weight", "losing weight", "gain weight", "meal", "drink", "fasting"],
            [KnowledgeNamespaces.Nutrition, KnowledgeNamespaces.NutritionAndSupplementation]),
        (["sleep", "recover", "doms", "rest day", "deload", "fatigue", "overtrain", "tired", "burnout", "acwr"],
            [KnowledgeNamespaces.Recovery, KnowledgeNamespaces.FatigueManagement, KnowledgeNamespaces.RecoveryAndPerformance]),
        (["muscle", "hypertroph", "size", "grow", "bigger", "volume", "pump", "bodybuild"],
            [KnowledgeNamespaces.Hypertrophy, KnowledgeNamespaces.StrengthAndHypertrophy]),
        (["squat", "depth", "butt wink", "knee cave", "valgus"],
            [KnowledgeNamespaces.SquatTechnique, KnowledgeNamespaces.StickingPoints]),
        (["stuck", "sticking", "plateau", "stall", "lockout", "off the chest", "off the floor"],
            [KnowledgeNamespaces.StickingPoints, KnowledgeNamespaces.Programming]),
        (["program", "routine", "split", "periodi", "block", "linear", "dup", "taper", "peak", "mesocycle", "5/3/1", "531"],
            [KnowledgeNamespaces.Programming, KnowledgeNamespaces.Periodization, KnowledgeNamespaces.PowerliftingPrograms]),
        (["rpe", "rir", "autoregulat", "reps in reserve", "velocity"],
            [KnowledgeNamespaces.Autoregulation]),
        (["powerlift", "meet", "total", "1rm", "max"],
            [KnowledgeNamespaces.PowerliftingPrograms, KnowledgeNamespaces.StrengthTraining, KnowledgeNamespaces.PowerliftingInjuries]),
        (["snatch", "clean", "jerk", "olympic", "weightlifting"],
            [KnowledgeNamespaces.OlympicLiftingInjuries, KnowledgeNamespaces.Exercises, KnowledgeNamespaces.StrengthTraining]),
        (["squat", "deadlift", "rdl", "bench", "press", "ohp", "row", "pull up", "pull-up", "pullup", "chin up", "chin-up", "dip",
            "lunge", "split squat", "hip thrust", "glute bridge", "kettlebell", "swing", "curl", "extension", "raise", "fly", "flye",
            "pulldown", "push up", "push-up", "pushup", "plank", "good morning", "step up", "step-up", "shrug", "face pull", "carry"],
            [KnowledgeNamespaces.Exercises]),
        (["crossfit", "wod", "kipping", "metcon", "rhabdo"],
            [KnowledgeNamespaces.CrossfitInjuries, KnowledgeNamespaces.CardioConditioning]),
        (["stretch", "mobility", "flexib", "warm up", "warm-up", "range of motion", "tight"],
            [KnowledgeNamespaces.MobilityFlexibility]),
        (["rest between", "rest time", "rest period", "how long should i rest", "how long to rest", "warm up set", "warm-up set", "reps", "sets"],
            [KnowledgeNamespaces.TrainingFundamentals, KnowledgeNamespaces.Programming]),
        (["beginner", "start", "new to", "first time", "novice", "form", "technique", "properly", "how do i do", "how to do", "cue", "right weight", "how heavy"],
            [KnowledgeNamespaces.BeginnerFundamentals, KnowledgeNamespaces.TrainingFundamentals, KnowledgeNamespaces.Exercises]),
        (["swap", "substitut", "replace", "alternative", "instead of", "no rack", "no barbell"],
            [KnowledgeNamespaces.ExerciseSubstitution, KnowledgeNamespaces.Exercises]),
    ];

    private static readonly string[] General =
    [
        KnowledgeNamespaces.TrainingFundamentals, KnowledgeNamespaces.StrengthTraining, KnowledgeNamespaces.Programming,
        KnowledgeNamespaces.Hypertrophy, KnowledgeNamespaces.BeginnerFundamentals, KnowledgeNamespaces.Recovery,
        KnowledgeNamespaces.StrengthAndHypertrophy, KnowledgeNamespaces.Autoregulation, KnowledgeNamespaces.FatigueManagement,
        KnowledgeNamespaces.Exercises, KnowledgeNamespaces.Nutrition, KnowledgeNamespaces.InjuryPrevention,
    ];

    public IReadOnlyList<string> Choose(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = question.ToLowerInvariant();
        var chosen = new List<string>(MaxNamespaces);
        foreach (var (words, namespaces) in Topics)
        {
            if (words.Any(word => Mentions(text, word)))
            {
                AddRange(chosen, namespaces);
            }
        }

        var affinity = _affinity?.Rank(question) ?? [];
        if (affinity.Count > 0)
        {
            var best = affinity[0].Score;
            AddRange(chosen, affinity.TakeWhile(a => a.Score >= StrongAffinity * best).Select(a => a.Namespace));
        }

        foreach (var ns in General)
        {
            if (chosen.Count >= MinNamespaces)
            {
                break;
            }

            AddRange(chosen, [ns]);
        }

        return chosen.Count > MaxNamespaces ? chosen[..MaxNamespaces] : chosen;
    }

    /// <summary>
    /// The word starts a word of the text ("injur" finds "injured", "run" does not find "brunch"); a word with a digit
    /// must also end one ("10k" does not find "10kg").
    /// </summary>
    private static bool Mentions(string text, string word)
    {
        var mustEnd = word.Any(char.IsDigit);
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var starts = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + word.Length;
            var ends = !mustEnd || end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (starts && ends)
            {
                return true;
            }
        }

        return false;
    }

    private static void AddRange(List<string> chosen, IEnumerable<string> namespaces)
    {
        foreach (var ns in namespaces)
        {
            if (chosen.Count < MaxNamespaces && !chosen.Contains(ns))
            {
                chosen.Add(ns);
            }
        }
    }
}
