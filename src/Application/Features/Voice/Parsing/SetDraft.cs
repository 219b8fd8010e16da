namespace FitCoach.Application.Features.Voice.Parsing;

/// <summary>A stretch of the original transcript, end exclusive; empty when <see cref="End"/> is not past <see cref="Start"/>.</summary>
internal readonly record struct TextSpan(int Start, int End)
{
    public bool IsEmpty => End <= Start;

    public static TextSpan Of(Token first, Token last) => new(first.Start, last.End);

    public TextSpan Union(TextSpan other) =>
        IsEmpty ? other : other.IsEmpty ? this : new TextSpan(Math.Min(Start, other.Start), Math.Max(End, other.End));
}

/// <summary>
/// A load as spoken: a number with its unit when one was said, or a loaded bar ("2 plates", "the bar with 25s"),
/// whose weight depends on the unit in effect. <see cref="Said"/> is where it was said, which decides the unit when
/// none was, and is quoted when the load cannot be stored.
/// </summary>
internal readonly record struct Load(double Value, string? Unit, TextSpan Said)
{
    private const double PoundBar = 45;
    private const double PoundPlate = 45;
    private const double PoundQuarter = 25;
    private const double KgBar = 20;
    private const double KgPlate = 20;
    private const double KgQuarter = 10;

    /// <summary>The total is a bar with plates on it, not <see cref="Value"/>.</summary>
    public bool OnBar { get; init; }

    /// <summary>Full plates on each side: 45 lb, or 20 kg where the unit is kilograms.</summary>
    public int Plates { get; init; }

    /// <summary>Quarter plates on each side ("a plate and a quarter"): 25 lb, or 10 kg.</summary>
    public int Quarters { get; init; }

    /// <summary>Other plates on each side, in the unit in effect ("the bar with 25s").</summary>
    public double SidePlates { get; init; }

    public int Position => Said.Start;

    public static Load Bare(Token number, double sign = 1) => new(sign * number.Value, null, TextSpan.Of(number, number));

    public static Load Bar(Token at, int plates = 0) => new(0, null, TextSpan.Of(at, at)) { OnBar = true, Plates = plates };

    /// <summary>The weight in <paramref name="unit"/>; null for a load of nothing ("0x5x5", caber's bodyweight).</summary>
    public double? Weigh(string unit)
    {
        if (!OnBar)
        {
            return Value == 0 ? null : Value;
        }

        var pounds = unit == VoiceLexicon.Pounds;
        var side = Plates * (pounds ? PoundPlate : KgPlate) + Quarters * (pounds ? PoundQuarter : KgQuarter) + SidePlates;
        return (pounds ? PoundBar : KgBar) + 2 * side;
    }
}

/// <summary>
/// One set, or a group of identical sets while <see cref="Count"/> is set, as read so far. Values stay doubles until
/// validated, so "1000 reps" can be recognised as absurd rather than overflow.
/// </summary>
internal sealed class SetDraft
{
    public double? Count { get; set; }

    public double? Reps { get; set; }

    public Load? Load { get; set; }

    public double? Rpe { get; set; }

    public double? Rir { get; set; }

    public double? DurationSeconds { get; set; }

    public double? DistanceKm { get; set; }

    public string? Type { get; set; }

    /// <summary>The token where the group was said; set-type markers attach to the group nearest after them.</summary>
    public int TokenIndex { get; set; }

    /// <summary>The token just past the group; a marker said right there ("135x10 warmup") types this group.</summary>
    public int EndIndex { get; set; }

    public TextSpan Span { get; set; }

    /// <summary>Reps read from a bare number after a load ("100 kg 5"), with no "for", "x" or "reps" to say so.</summary>
    public bool Cueless { get; set; }

    /// <summary>The reading is a guess ("sets of 10" without how many): the group is handed back as unparsed.</summary>
    public bool Unsure { get; set; }

    /// <summary>"sets of 10" with no count said: how many sets is unknown unless a count is said apart.</summary>
    public bool CountUnsaid { get; set; }

    /// <summary>Where the load was said when the group took it from a clause before its own; null when it did not.</summary>
    public TextSpan? Borrowed { get; set; }

    /// <summary>Said after "last set": it replaces the final set of the group before it.</summary>
    public bool IsLastSet { get; set; }

    public bool IsCountOnly => Count is not null && Reps is null && DurationSeconds is null && DistanceKm is null;

    public bool HasWork => Reps is not null || DurationSeconds is not null || DistanceKm is not null;

    public SetDraft Copy() => (SetDraft)MemberwiseClone();

    /// <summary>Fills what this draft lacks from <paramref name="other"/>.</summary>
    public void FillFrom(SetDraft other)
    {
        Reps ??= other.Reps;
        Load ??= other.Load;
        Rpe ??= other.Rpe;
        Rir ??= other.Rir;
        DurationSeconds ??= other.DurationSeconds;
        DistanceKm ??= other.DistanceKm;
        Type ??= other.Type;
        Span = Span.Union(other.Span);
    }
}
