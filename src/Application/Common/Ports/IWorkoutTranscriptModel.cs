using FitCoach.Domain.Workouts;

namespace FitCoach.Application.Common.Ports;

/// <summary>An exercise as a language model read it from a transcript: a spoken name, not yet a catalog id.</summary>
public sealed record ModelParsedExercise(string Name, IReadOnlyList<WorkoutSet> Sets);

/// <summary>
/// The optional model fallback for voice logging: asked only for what the rules left unparsed, when a model is
/// configured. Implementations return structured data, never prose, and may return an empty list.
/// </summary>
public interface IWorkoutTranscriptModel
{
    /// <summary>The configured model id (e.g. <c>gpt-4o-mini</c>), reported as the parser that answered.</summary>
    string ModelId { get; }

    /// <summary>False for the null object registered when no model is configured: callers then skip it.</summary>
    bool IsConfigured { get; }

    Task<IReadOnlyList<ModelParsedExercise>> ParseAsync(string transcript, string defaultUnit, CancellationToken cancellationToken);
}
