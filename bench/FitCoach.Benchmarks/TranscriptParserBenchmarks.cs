using BenchmarkDotNet.Attributes;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Application.Features.Voice.Parsing;
using FitCoach.Infrastructure.Catalog;

namespace FitCoach.Benchmarks;

/// <summary>
/// The rules parser of POST /api/voice/parse on typical logging utterances: a single line of sets x reps, a ramp, two
/// exercises with effort and a rep list, and a spoken run-on with number words. The target is under 100 µs each.
/// </summary>
[MemoryDiagnoser]
public class TranscriptParserBenchmarks
{
    private TranscriptParser _parser = null!;

    [Params(
        "bench 3x8 at 100 kg",
        "Squat 135x5, 200x3, 225x4",
        "Bench press, 3 sets of 8 reps at 185 pounds, RPE 7 then pull-ups 10, 8, 7",
        "push day bench press three sets of eight then incline dumbbell press three by ten")]
    public string Transcript { get; set; } = string.Empty;

    private static readonly string TenKilobytes = string.Concat(Enumerable.Repeat("bench 100x5, squat 3x5 at 140 kg then felt great asdf ", 182));

    [GlobalSetup]
    public void Setup() => _parser = new TranscriptParser(new ExerciseMatcher(JsonExerciseCatalog.LoadEmbedded().All));

    [Benchmark]
    public TranscriptParseResult Parse() => _parser.Parse(Transcript, "kg");

    /// <summary>A 10 kB transcript (the rules read up to their limit and return the rest as unparsed): the worst case's cost.</summary>
    [Benchmark]
    public TranscriptParseResult ParseTenKilobytes() => _parser.Parse(TenKilobytes, "kg");
}
