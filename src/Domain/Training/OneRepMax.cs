namespace FitCoach.Domain.Training;

/// <summary>How an estimate was made, so the API can say which formula it used.</summary>
public enum OneRepMaxMethod
{
    /// <summary>The set was a true single at RPE 10 (or to failure).</summary>
    Actual,

    /// <summary>Reactive Training Systems RPE chart (Tuchscherer 2008): load / %1RM(reps, RPE).</summary>
    RpeChart,

    /// <summary>Epley (1985) on reps to failure (reps + reps in reserve).</summary>
    Epley,

    /// <summary>Brzycki (1993) on reps to failure.</summary>
    Brzycki,
}

public readonly record struct OneRepMaxEstimate(double Value, OneRepMaxMethod Method);

/// <summary>
/// Estimated one-rep max. Sets far from failure say little about a max (lifters misjudge reps in reserve by 2+
/// reps at RPE below ~6.5; Hackett et al. 2017), and the formulas were validated only to about 10–12 reps to
/// failure (LeSuer et al. 1997), so such sets give no estimate rather than a misleading one.
/// </summary>
public static class OneRepMax
{
    public const int MaxRepsToFailure = 12;
    public const double MinRpe = 6.5;

    /// <summary>%1RM by reps-to-failure equivalents k = reps + (10 − RPE), from k = 1 in steps of 0.5 (RTS chart).</summary>
    private static readonly double[] RtsPercentByHalfRep =
    [
        100.0, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3, 85.0, 83.7, 82.4, 81.1, 79.9, 78.6, 77.4, 76.2, 75.1,
        73.9, 72.3, 70.7, 69.4, 68.0, 66.7, 65.3, 64.0,
    ];

    /// <summary>Epley: w × (1 + r/30); a single is the load itself.</summary>
    public static double Epley(double weight, double repsToFailure) =>
        repsToFailure <= 1 ? weight : weight * (1 + (repsToFailure / 30.0));

    /// <summary>Brzycki: w × 36 / (37 − r).</summary>
    public static double Brzycki(double weight, double repsToFailure) => weight * 36.0 / (37.0 - repsToFailure);

    /// <summary>The RTS chart's %1RM for reps at an RPE (1–10 reps, RPE 6.5–10), or null outside the chart.</summary>
    public static double? RpeChartPercent(int reps, double rpe)
    {
        if (reps is < 1 or > 10 || rpe is < MinRpe or > 10 || (rpe * 2) % 1 != 0)
        {
            return null;
        }

        var index = (int)Math.Round(((reps + (10 - rpe)) - 1) * 2);
        return index < RtsPercentByHalfRep.Length ? RtsPercentByHalfRep[index] : null;
    }

    /// <summary>
    /// The best estimate a set supports: the RPE chart when an RPE in the chart is known; Epley on reps + RIR when
    /// reps in reserve are known or the set is taken as to failure; none when the set is too far from failure.
    /// </summary>
    public static OneRepMaxEstimate? Estimate(double weight, int reps, double? rpe = null, double? rir = null)
    {
        if (weight <= 0 || reps < 1)
        {
            return null;
        }

        if (rpe is { } r)
        {
            if (r < MinRpe || r > 10)
            {
                return null;
            }

            if (reps == 1 && r == 10)
            {
                return new OneRepMaxEstimate(weight, OneRepMaxMethod.Actual);
            }

            if (RpeChartPercent(reps, r) is { } percent)
            {
                return new OneRepMaxEstimate(weight * 100 / percent, OneRepMaxMethod.RpeChart);
            }

            rir ??= 10 - r;
        }

        var reserve = rir ?? 0;
        if (reserve < 0 || reserve > 10 - MinRpe)
        {
            return null;
        }

        var toFailure = reps + reserve;
        if (toFailure > MaxRepsToFailure)
        {
            return null;
        }

        return toFailure <= 1
            ? new OneRepMaxEstimate(weight, OneRepMaxMethod.Actual)
            : new OneRepMaxEstimate(Epley(weight, toFailure), OneRepMaxMethod.Epley);
    }
}
