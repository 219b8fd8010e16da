namespace FitCoach.Application.Common.Ports;

/// <summary>
/// An embedding model (optional, configuration section <c>Embeddings</c>). When one is registered, retrieval fuses
/// vector and BM25 rankings and the coach's answer cache also matches questions by meaning. Without one, a null
/// object is registered (<see cref="IsConfigured"/> false) and both work on words alone.
/// </summary>
public interface ITextEmbedder
{
    string ModelId { get; }

    /// <summary>False for the null object registered when no embedding model is configured: callers skip it.</summary>
    bool IsConfigured { get; }

    /// <summary>
    /// The cosine similarity at or above which two questions embedded by this model may be taken to ask the same thing
    /// (the answer cache's semantic match, which also requires that the two are reworded rather than edited). It is a
    /// property of the model: similarities from different models are on different scales.
    /// </summary>
    double ParaphraseSimilarity => 0.92;

    /// <summary>
    /// How this model's similarities are read when an exercise name is matched to the catalog by meaning; null (the
    /// default) for a model nobody has measured on exercise names, which then are matched on words alone.
    /// </summary>
    ExerciseNameCalibration? ExerciseNameCalibration => null;

    /// <summary>The unit-length embedding of <paramref name="text"/>; throws <see cref="Exceptions.DependencyUnavailableException"/> when the model fails.</summary>
    Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken);
}
