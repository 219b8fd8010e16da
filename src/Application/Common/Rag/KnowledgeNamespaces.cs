namespace FitCoach.Application.Common.Rag;

/// <summary>The corpus namespaces (one folder each under <c>knowledge/</c>) and the fixed sets features search.</summary>
public static class KnowledgeNamespaces
{
    public const string StrengthTraining = "strength-training";
    public const string PowerliftingPrograms = "powerlifting-programs";
    public const string Hypertrophy = "hypertrophy";
    public const string StrengthAndHypertrophy = "strength-and-hypertrophy";
    public const string Programming = "programming";
    public const string Periodization = "periodization";
    public const string Autoregulation = "autoregulation";
    public const string BeginnerFundamentals = "beginner-fundamentals";
    public const string TrainingFundamentals = "training-fundamentals";
    public const string StickingPoints = "sticking-points";
    public const string SquatTechnique = "squat-technique";
    public const string MobilityFlexibility = "mobility-flexibility";
    public const string InjuryAnalysis = "injury-analysis";
    public const string InjuryPrevention = "injury-prevention";
    public const string InjuryManagement = "injury-management";
    public const string ExerciseSubstitution = "exercise-substitution";
    public const string Recovery = "recovery";
    public const string FatigueManagement = "fatigue-management";
    public const string RecoveryAndPerformance = "recovery-and-performance";
    public const string PowerliftingInjuries = "powerlifting-injuries";
    public const string OlympicLiftingInjuries = "olympic-lifting-injuries";
    public const string RunningInjuries = "running-injuries";
    public const string CrossfitInjuries = "crossfit-injuries";
    public const string Nutrition = "nutrition";
    public const string NutritionAndSupplementation = "nutrition-and-supplementation";
    public const string RunningCardio = "running-cardio";
    public const string CardioConditioning = "cardio-conditioning";
    public const string Exercises = "exercises";

    public static readonly IReadOnlyList<string> All =
    [
        StrengthTraining, PowerliftingPrograms, Hypertrophy, StrengthAndHypertrophy, Programming, Periodization,
        Autoregulation, BeginnerFundamentals, TrainingFundamentals, StickingPoints, SquatTechnique, MobilityFlexibility,
        InjuryAnalysis, InjuryPrevention, InjuryManagement, ExerciseSubstitution, Recovery, FatigueManagement,
        RecoveryAndPerformance, PowerliftingInjuries, OlympicLiftingInjuries, RunningInjuries, CrossfitInjuries,
        Nutrition, NutritionAndSupplementation, RunningCardio, CardioConditioning, Exercises,
    ];

    /// <summary>The eleven namespaces injury analysis searches.</summary>
    public static readonly IReadOnlyList<string> Injury =
    [
        InjuryAnalysis, InjuryPrevention, InjuryManagement, PowerliftingInjuries, OlympicLiftingInjuries,
        RunningInjuries, CrossfitInjuries, Recovery, MobilityFlexibility, ExerciseSubstitution, SquatTechnique,
    ];

    /// <summary>What strength-program generation searches.</summary>
    public static readonly IReadOnlyList<string> ProgramGeneration = [Programming, Periodization, StrengthTraining, Autoregulation];
}
