using FitCoach.Application.Features.Exercises.Matching;

namespace FitCoach.Application.Features.Voice.Parsing;

/// <summary>
/// Resolves the exercise names of one transcript with the <see cref="ExerciseMatcher"/>, within a budget of matcher
/// calls so a huge transcript stays cheap. Speech adds words the matcher would weigh against a name ("tricep
/// skullcrushers", "weighted dips"), so when the whole name does not match, "weighted" and then up to two leading
/// words are dropped.
/// </summary>
internal sealed class NameResolver(ExerciseMatcher matcher)
{
    /// <summary>A match this sure is taken without doubt, even for a name said with no sets.</summary>
    public const double SureScore = 0.9;

    // Two names joined by "and" are read as one only when the whole is a catalog name outright ("clean and jerk");
    // "bench and squats" comes close to "Barbell Squat To A Bench" and must stay two.
    private const double JoinedNameScore = 0.99;

    // Names beyond this many in one transcript are not matched; each match costs the most of all parsing steps.
    private const int MaxCalls = 60;
    private const int MaxLeadingWordsDropped = 2;
    private const string WeightedWord = "weighted";

    private int _calls;

    public ExerciseMatch? Resolve(List<string> words)
    {
        var best = Match(words);
        if (words.Contains(WeightedWord) && (best is null || best.Score < SureScore) && words.Count > 1)
        {
            // The added load is read as weight, so "weighted dips" are dips.
            var plain = Match(words.FindAll(word => word != WeightedWord));
            if (plain is not null && (best is null || plain.Score > best.Score))
            {
                best = plain;
            }
        }

        for (var dropped = 1; best is null && dropped <= MaxLeadingWordsDropped && dropped < words.Count; dropped++)
        {
            best = Match(words.GetRange(dropped, words.Count - dropped));
        }

        return best;
    }

    /// <summary>"clean and jerk" is one exercise, "squats and lunges" two: only a sure match of the whole joins them.</summary>
    public bool IsOneName(List<string> words) => Match(words) is { Score: >= JoinedNameScore };

    private ExerciseMatch? Match(List<string> words) =>
        _calls++ < MaxCalls ? matcher.BestMatch(string.Join(' ', words)) : null;
}
