namespace FitCoach.Application.Features.Voice.Parsing;

/// <summary>
/// Values no set can have (the limits of <c>WorkoutSetValidator</c>, the rule for every stored set). A transcript
/// that says them was misheard or is nonsense, so the set is not stored and its words are returned as unparsed.
/// </summary>
internal static class SetLimits
{
    public const int MaxSets = 20;
    public const int MaxReps = 100;
    public const double MaxLoadKg = 600;
    public const double KgPerPound = 0.45359237;
    public const double MinRpe = 1;
    public const double MaxRpe = 10;
    public const double MaxRir = 10;
    public const double MaxDurationSeconds = 6 * 3600;
    public const double MaxDistanceKm = 300;

    public static bool IsCount(double count) => IsWhole(count) && count is >= 1 and <= MaxSets;

    public static bool IsReps(double reps) => IsWhole(reps) && reps is >= 1 and <= MaxReps;

    public static bool IsLoad(double weight, string unit) =>
        weight >= 0 && (unit == VoiceLexicon.Pounds ? weight * KgPerPound : weight) <= MaxLoadKg;

    public static bool IsRpe(double rpe) => rpe is >= MinRpe and <= MaxRpe;

    public static bool IsRir(double rir) => rir is >= 0 and <= MaxRir;

    public static bool IsDuration(double seconds) => seconds is > 0 and <= MaxDurationSeconds;

    public static bool IsDistance(double km) => km is > 0 and <= MaxDistanceKm;

    private static bool IsWhole(double value) => value == Math.Floor(value);
}
