using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.Embeddings;

/// <summary>The embedding adapter when none is configured: callers check <see cref="IsConfigured"/> and match on words alone.</summary>
public sealed class NoTextEmbedder : ITextEmbedder
{
    public string ModelId => "none";

    public bool IsConfigured => false;

    public Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken) =>
        throw new DependencyUnavailableException("embeddings", "No embedding model is configured (Embeddings:*).");
}
