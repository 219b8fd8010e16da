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
    /// True when the model's similarity cannot tell that two questions ask the same thing, so it serves retrieval only
    /// and not the answer cache's semantic hits: the small local model scores questions that differ in one meaningful
    /// word ("stretch before lifting" / "stretch after lifting") above the cache's threshold.
    /// </summary>
    bool IsRetrievalOnly => false;

    /// <summary>The unit-length embedding of <paramref name="text"/>; throws <see cref="Exceptions.DependencyUnavailableException"/> when the model fails.</summary>
    Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken);
}
