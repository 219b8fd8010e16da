namespace FitCoach.Application.Features.Voice.Parsing;

/// <summary>
/// What a transcript said: the exercises in the order spoken, and every span of it that could not be read (or held an
/// absurd value), verbatim, so the caller can show the user what was not logged.
/// </summary>
public sealed record TranscriptParseResult(IReadOnlyList<ParsedExercise> Exercises, IReadOnlyList<string> Unparsed)
{
    public static TranscriptParseResult Empty { get; } = new([], []);
}
