using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.Model;

/// <summary>
/// The model adapter when none is configured: callers check <see cref="IsConfigured"/> and never call it; if one
/// did, it would get the same outage a failing model gives, which every caller already handles.
/// </summary>
public sealed class NoModel : IWorkoutTranscriptModel, ICoachModel
{
    public string ModelId => "offline";

    public bool IsConfigured => false;

    public Task<IReadOnlyList<ModelParsedExercise>> ParseAsync(string transcript, string defaultUnit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ModelParsedExercise>>([]);

    public Task<string> AnswerAsync(CoachPrompt prompt, CancellationToken cancellationToken) =>
        throw new DependencyUnavailableException("model", "No model is configured (Model:Endpoint and Model:Id).");
}
