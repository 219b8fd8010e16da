using FitCoach.Infrastructure.Embeddings;

namespace FitCoach.Infrastructure.SemanticLabels;

/// <summary>
/// Example vectors computed once per process where that is safe: the shipped sets (<see cref="LabelledExampleSet.Shipped"/>)
/// embedded by the process's local model (<see cref="LocalSentenceModel.Shared"/>), which gives every caller the same
/// vectors. Every host in the process (a test run starts dozens) then pays the embedding once (a second or two of CPU)
/// instead of once each. Anything else (a hosted model, whose vectors depend on its configuration, or sets made by a
/// caller) is embedded for the caller alone. The shared embedding runs to its end whoever stops waiting for it; a failed
/// one is forgotten, so the next caller starts it again.
/// </summary>
internal static class SharedExampleVectors
{
    private static readonly Dictionary<LabelledExampleSet, Task<IReadOnlyList<float[]>>> Computed = [];
    private static readonly Lock Gate = new();

    public static Task<IReadOnlyList<float[]>> EmbedAsync(IBatchTextEmbedder embedder, LabelledExampleSet set, CancellationToken cancellationToken)
    {
        var texts = set.Examples.Select(e => e.Text).ToList();
        if (embedder is not LocalTextEmbedder local || local.Model != LocalSentenceModel.Shared || !LabelledExampleSet.Shipped.Contains(set))
        {
            return embedder.EmbedBatchAsync(texts, cancellationToken);
        }

        Task<IReadOnlyList<float[]>> shared;
        lock (Gate)
        {
            if (!Computed.TryGetValue(set, out shared!) || shared.IsFaulted || shared.IsCanceled)
            {
                shared = embedder.EmbedBatchAsync(texts, CancellationToken.None);
                Computed[set] = shared;
            }
        }

        return shared.WaitAsync(cancellationToken);
    }
}
