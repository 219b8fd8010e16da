using System.Globalization;
using System.Text.RegularExpressions;
using FitCoach.Domain.Profiles;
using FitCoach.Domain.Training;

namespace FitCoach.Application.Features.Coach.AskCoach;

/// <summary>
/// Works a published formula through for the numbers a question gives, so "benched 100 kg for 5, what's my 1RM" or
/// "I'm 40, what's my max heart rate" is answered with the figure rather than only with the formula: an estimated
/// one-rep max from a set (Epley, Brzycki), an age-predicted maximum heart rate (Tanaka, 220 − age, the age from the
/// question or the profile), and a training heart rate from a percentage (of the heart-rate reserve when a resting
/// rate is given, Karvonen; else of the maximum). Null when the question asks none of these or gives too little to
/// work with, or numbers outside what the formulas were made for (a 15-rep set, an age of 4).
/// </summary>
public static partial class WorkedNumbers
{
    public static string? For(string question, UserProfile profile)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(profile);
        var q = question.ToLowerInvariant();
        return OneRepMaxLine(q) ?? HeartRateLine(q, profile);
    }

    private static string? OneRepMaxLine(string q)
    {
        if (!AsksOneRepMax().IsMatch(q))
        {
            return null;
        }

        var set = SetWeightFirst().Match(q) is { Success: true } first ? first : SetRepsFirst().Match(q);
        if (!set.Success
            || !double.TryParse(set.Groups["w"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight)
            || !int.TryParse(set.Groups["r"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var reps)
            || weight is <= 0 or > 600 || reps < 2)
        {
            return null;
        }

        var reserve = 0.0;
        var rpeText = "";
        if (Rpe().Match(q) is { Success: true } rpe
            && double.TryParse(rpe.Groups["rpe"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rating)
            && rating is >= OneRepMax.MinRpe and <= 10)
        {
            reserve = 10 - rating;
            rpeText = string.Create(CultureInfo.InvariantCulture, $" at RPE {rating:0.#} (about {reserve:0.#} reps left)");
        }

        var toFailure = reps + reserve;
        if (toFailure > OneRepMax.MaxRepsToFailure)
        {
            return null;
        }

        var unit = Unit(set.Groups["u"].Value);
        var epley = OneRepMax.Epley(weight, toFailure);
        var brzycki = OneRepMax.Brzycki(weight, toFailure);
        var basis = reserve > 0 ? string.Create(CultureInfo.InvariantCulture, $", counted as {toFailure:0.#} reps to failure") : ", taken to failure";
        var caveat = toFailure > 10
            ? " Above about 10 reps the formulas lose accuracy (LeSuer et al. 1997): treat it as a rough guide."
            : " The formulas are most accurate at 10 reps or fewer (LeSuer et al. 1997).";
        return string.Create(CultureInfo.InvariantCulture,
            $"Worked out: {weight:0.#}{unit} × {reps} reps{rpeText}{basis}, estimates a one-rep max (1RM) of about {epley:0}{unit} by Epley (1RM = w × (1 + r/30)) and about {brzycki:0}{unit} by Brzycki (1RM = w × 36 / (37 − r)).{caveat}");
    }

    private static string? HeartRateLine(string q, UserProfile profile)
    {
        var asksMax = AsksMaxHeartRate().IsMatch(q);
        var percent = Percent().Match(q);
        var asksTarget = percent.Success && AsksHeartRate().IsMatch(q);
        if (!asksMax && !asksTarget)
        {
            return null;
        }

        double? age = Age().Match(q) is { Success: true } a && double.TryParse(a.Groups["age"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var said)
            ? said
            : profile.Age;
        if (age is not { } years || !HeartRate.IsPlausibleAge(years))
        {
            return null;
        }

        var tanaka = HeartRate.MaxTanaka(years);
        var traditional = HeartRate.MaxTraditional(years);
        var whose = Age().IsMatch(q) ? string.Create(CultureInfo.InvariantCulture, $"at age {years:0}") : string.Create(CultureInfo.InvariantCulture, $"at your age ({years:0}, from your profile)");
        var max = string.Create(CultureInfo.InvariantCulture,
            $"Worked out {whose}: maximum heart rate about {tanaka:0} bpm by Tanaka (208 − 0.7 × age; Tanaka et al. 2001), {traditional:0} bpm by the older 220 − age.");
        if (!asksTarget || !double.TryParse(percent.Groups["p"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || share is < 30 or > 100)
        {
            return max + " Individual maxima scatter by about ±10 bpm, so a measured maximum (a hard field test) is better when you have one.";
        }

        var intensity = share / 100;
        if (Resting().Match(q) is { Success: true } r
            && double.TryParse(r.Groups["rest"].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var resting)
            && HeartRate.IsPlausibleResting(resting))
        {
            var target = HeartRate.Karvonen(resting, tanaka, intensity);
            return max + string.Create(CultureInfo.InvariantCulture,
                $" With a resting heart rate of {resting:0}, the heart-rate reserve is {tanaka - resting:0} bpm, so {share:0} % of it is {resting:0} + {intensity:0.##} × {tanaka - resting:0} ≈ {target:0} bpm (Karvonen et al. 1957).");
        }

        return max + string.Create(CultureInfo.InvariantCulture,
            $" {share:0} % of that maximum is about {HeartRate.PercentOfMax(tanaka, intensity):0} bpm (Tanaka) or {HeartRate.PercentOfMax(traditional, intensity):0} bpm (220 − age); with your resting heart rate, the Karvonen method gives a truer target.");
    }

    private static string Unit(string said) => said switch
    {
        "" => "",
        var u when u.StartsWith('k') => " kg",
        _ => " lb",
    };

    [GeneratedRegex(@"\b(?:e?1\s*rm|one[\s-]*rep(?:etition)?[\s-]*max|1[\s-]*rep[\s-]*max|max(?:imum)?\s+(?:single|lift)|my\s+max)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AsksOneRepMax();

    [GeneratedRegex(@"(?<![\d.])(?<w>\d{1,3}(?:\.\d+)?)\s*(?<u>kgs?|kilos?|kilograms?|lbs?|pounds?)?\s*(?:for|x|×|\*)\s*(?<r>\d{1,2})(?!\d|\s*(?:kg|lb|%|sets))", RegexOptions.CultureInvariant)]
    private static partial Regex SetWeightFirst();

    [GeneratedRegex(@"(?<![\d.])(?<r>\d{1,2})\s*reps?\s*(?:with|at|of|on)\s*(?<w>\d{1,3}(?:\.\d+)?)\s*(?<u>kgs?|kilos?|kilograms?|lbs?|pounds?)?", RegexOptions.CultureInvariant)]
    private static partial Regex SetRepsFirst();

    [GeneratedRegex(@"\brpe\s*(?<rpe>\d{1,2}(?:\.5)?)\b|@\s*(?<rpe>\d{1,2}(?:\.5)?)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Rpe();

    [GeneratedRegex(@"\b(?:max(?:imum|imal)?\s*(?:hr|heart[\s-]*rate|heartrate|bpm)|hr\s*max|mhr|hrmax)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AsksMaxHeartRate();

    [GeneratedRegex(@"\b(?:hr|heart[\s-]*rate|heartrate|bpm|hrr|karvonen)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AsksHeartRate();

    [GeneratedRegex(@"(?<![\d.])(?<p>\d{2,3}(?:\.\d)?)\s*(?:%|percent|per\s*cent)", RegexOptions.CultureInvariant)]
    private static partial Regex Percent();

    [GeneratedRegex(@"(?:\b(?:i'?m|i\s+am|age[d]?|at)\s+(?<age>\d{2})\b(?!\s*(?:kg|kgs|kilos?|lbs?|pounds?|cm|%|percent|km|k\b|mi|miles?|min|minutes?|reps?|bpm|x\b))|\b(?<age>\d{2})\s*(?:yo\b|y/o\b|y\.o\.|years?[\s-]*old|yrs?[\s-]*old|year[\s-]*old))", RegexOptions.CultureInvariant)]
    private static partial Regex Age();

    [GeneratedRegex(@"\b(?:resting(?:\s+(?:hr|heart[\s-]*rate|pulse))?|rhr)\s*(?:of|is|=|:|at|around|about)?\s*(?<rest>\d{2,3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Resting();
}
