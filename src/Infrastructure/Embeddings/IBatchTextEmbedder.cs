using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.Embeddings;

/// <summary>
/// An embedder that also takes many texts in one request, which is how the corpus is indexed: one call per batch of
/// documents rather than one per document.
/// </summary>
public interface IBatchTextEmbedder : ITextEmbedder
{
    /// <summary>
    /// False while the model cannot answer yet (the local model loading, or failed to load): a question then gets no
    /// vector at once, and callers answer on words alone without waiting or warning. A hosted model is always ready.
    /// </summary>
    bool IsReady { get; }

    /// <summary>
    /// The unit-length embeddings of <paramref name="texts"/>, in order, from one model call; not cached. Throws
    /// <see cref="Application.Common.Exceptions.DependencyUnavailableException"/> when the model fails.
    /// </summary>
    Task<IReadOnlyList<float[]>> EmbedBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
