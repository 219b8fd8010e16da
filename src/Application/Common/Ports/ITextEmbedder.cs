namespace FitCoach.Application.Common.Ports;

/// <summary>
/// An embedding model (optional, configuration section <c>Embeddings</c>). When one is registered, retrieval fuses
/// vector and BM25 rankings and the coach's answer cache also matches questions by meaning. Without one, both work
/// on words alone.
/// </summary>
public interface ITextEmbedder
{
    string ModelId { get; }

    /// <summary>The unit-length embedding of <paramref name="text"/>; throws <see cref="Exceptions.DependencyUnavailableException"/> when the model fails.</summary>
    Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken);
}
