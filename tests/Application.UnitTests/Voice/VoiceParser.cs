using System.Globalization;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Application.Features.Voice.Parsing;
using FitCoach.Domain.Workouts;
using FitCoach.Infrastructure.Catalog;
using Xunit;

namespace FitCoach.Application.UnitTests.Voice;

/// <summary>One parser over the shipped catalog for all voice tests; building the matcher per test would only slow them down.</summary>
internal static class VoiceParser
{
    public static JsonExerciseCatalog Catalog { get; } = JsonExerciseCatalog.LoadEmbedded();

    public static TranscriptParser Instance { get; } = new(new ExerciseMatcher(Catalog.All));

    public static TranscriptParseResult Parse(string transcript, string defaultUnit = "kg") => Instance.Parse(transcript, defaultUnit);

    /// <summary>A set as a short readable text, so a test can state the sets it expects in one line: "8r 100kg @7".</summary>
    public static string Describe(WorkoutSet set)
    {
        var parts = new List<string>();
        if (set.Reps is { } reps)
        {
            parts.Add(Invariant($"{reps}r"));
        }

        if (set.Weight is { } weight)
        {
            parts.Add(Invariant($"{weight}{set.Unit}"));
        }

        if (set.Rpe is { } rpe)
        {
            parts.Add(Invariant($"@{rpe}"));
        }

        if (set.Rir is { } rir)
        {
            parts.Add(Invariant($"rir{rir}"));
        }

        if (set.DurationSeconds is { } seconds)
        {
            parts.Add(Invariant($"{seconds}s"));
        }

        if (set.DistanceKm is { } km)
        {
            parts.Add(Invariant($"{km}km"));
        }

        if (set.Type != "normal")
        {
            parts.Add(set.Type ?? "no-type");
        }

        if (set.PerSide == true)
        {
            parts.Add("per-side");
        }

        return string.Join(' ', parts);
    }

    public static string[] Describe(IEnumerable<WorkoutSet> sets) => [.. sets.Select(Describe)];

    /// <summary>The sets of the only exercise read; fails when not exactly one was.</summary>
    public static string[] SetsOf(TranscriptParseResult result, string? expectedId = null)
    {
        var exercise = Assert.Single(result.Exercises);
        if (expectedId is not null)
        {
            Assert.Equal(expectedId, exercise.ExerciseId);
        }

        return Describe(exercise.Sets);
    }

    public static string[] Repeat(string set, int times) => [.. Enumerable.Repeat(set, times)];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
