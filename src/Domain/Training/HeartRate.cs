namespace FitCoach.Domain.Training;

/// <summary>
/// Heart-rate estimates from age and resting heart rate. Age-predicted maxima are population averages: individual
/// values scatter by about ±7–12 bpm (one standard deviation), so a measured maximum is better when one is known.
/// </summary>
public static class HeartRate
{
    /// <summary>Ages the formulas were fitted on, roughly; outside them an estimate is not given.</summary>
    public const int MinAge = 10;
    public const int MaxAge = 100;

    /// <summary>Tanaka, Monahan &amp; Seals (2001): HRmax ≈ 208 − 0.7 × age (a meta-analysis of 351 studies).</summary>
    public static double MaxTanaka(double age) => 208 - (0.7 * age);

    /// <summary>The traditional 220 − age (Fox et al. 1971), which overestimates above about 40 and underestimates below.</summary>
    public static double MaxTraditional(double age) => 220 - age;

    /// <summary>
    /// Karvonen et al. (1957): target = resting + intensity × (max − resting), intensity as a fraction of the
    /// heart-rate reserve (0.7 for 70 %).
    /// </summary>
    public static double Karvonen(double resting, double max, double intensity) => resting + (intensity * (max - resting));

    /// <summary>A fraction of the maximum: target = max × intensity.</summary>
    public static double PercentOfMax(double max, double intensity) => max * intensity;

    public static bool IsPlausibleAge(double age) => age is >= MinAge and <= MaxAge;

    /// <summary>Resting heart rates seen in healthy adults, from endurance athletes (~30) to the high end (~110).</summary>
    public static bool IsPlausibleResting(double resting) => resting is >= 30 and <= 110;
}
