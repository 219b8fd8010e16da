namespace FitCoach.Application.Common.Rag;

/// <summary>
/// Chooses the namespaces a free-text question should search when a request asks the pipeline to choose: the
/// namespaces whose topic words the question mentions, always topped up with the general training ones so a
/// question with no topic word still searches broadly.
/// </summary>
public sealed class TopicNamespaceRouter
{
    private const int MaxNamespaces = 15;
    private const int MinNamespaces = 10;

    private static readonly (string[] Words, string[] Namespaces)[] Topics =
    [
        (["injur", "pain", "hurt", "sore", "strain", "sprain", "tendon", "tendin", "ache", "tweak", "pinch", "impinge"],
            [KnowledgeNamespaces.InjuryAnalysis, KnowledgeNamespaces.InjuryManagement, KnowledgeNamespaces.InjuryPrevention, KnowledgeNamespaces.ExerciseSubstitution]),
        (["run", "marathon", "5k", "10k", "jog", "pace", "vdot", "zone 2", "cardio", "aerobic", "hiit", "conditioning", "heart rate", "vo2"],
            [KnowledgeNamespaces.RunningCardio, KnowledgeNamespaces.CardioConditioning, KnowledgeNamespaces.RunningInjuries]),
        (["protein", "calori", "diet", "eat", "food", "carb", "fat loss", "cut", "bulk", "creatine", "supplement", "caffeine", "macro", "hydrat", "vitamin"],
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
            [KnowledgeNamespaces.OlympicLiftingInjuries, KnowledgeNamespaces.StrengthTraining]),
        (["crossfit", "wod", "kipping", "metcon", "rhabdo"],
            [KnowledgeNamespaces.CrossfitInjuries, KnowledgeNamespaces.CardioConditioning]),
        (["stretch", "mobility", "flexib", "warm up", "warm-up", "range of motion", "tight"],
            [KnowledgeNamespaces.MobilityFlexibility]),
        (["beginner", "start", "new to", "first time", "novice", "form", "technique"],
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
        var text = question.ToLowerInvariant();
        var chosen = new List<string>(MaxNamespaces);
        foreach (var (words, namespaces) in Topics)
        {
            if (words.Any(text.Contains))
            {
                AddRange(chosen, namespaces);
            }
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
