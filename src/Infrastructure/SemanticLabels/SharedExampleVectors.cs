using FitCoach.Infrastructure.Embeddings;

namespace FitCoach.Infrastructure.SemanticLabels;

/// <summary>
/// How labelled examples are embedded. The local model gets them shortest first, a few per run
/// (<see cref="LocalTextsPerRun"/>); a hosted model gets them in one batch request.
/// <para>
/// Computed once per process where that is safe: the shipped sets (<see cref="LabelledExampleSet.Shipped"/>) embedded
/// by the process's local model (<see cref="LocalSentenceModel.Shared"/>), which gives every caller the same vectors.
/// Every host in the process (a test run starts dozens) then pays the embedding once (several seconds of CPU) instead of
/// once each. Anything else (a hosted model, whose vectors depend on its configuration, or sets made by a caller) is
/// embedded for the caller alone. The shared embedding runs to its end whoever stops waiting for it; a failed one is
/// forgotten, so the next caller starts it again.
/// </para>
/// </summary>
internal static class SharedExampleVectors
{
    /// <summary>
    /// Texts per local model run. Measured on the 517 shipped examples: sorted by length and four to a run, 5.3 s of CPU
    /// in all and 0.1 s for the longest run; in the model's batches of 32, 6.6 s and 0.7 s. Batching buys this encoder
    /// little, and a question that arrives meanwhile waits for the run in progress, so short runs it is.
    /// </summary>
    public const int LocalTextsPerRun = 4;

    private static readonly Dictionary<LabelledExampleSet, Task<IReadOnlyList<float[]>>> Computed = [];
    private static readonly Lock Gate = new();

    public static Task<IReadOnlyList<float[]>> EmbedAsync(IBatchTextEmbedder embedder, LabelledExampleSet set, CancellationToken cancellationToken)
    {
        var texts = set.Examples.Select(e => e.Text).ToList();
        if (embedder is not LocalTextEmbedder local)
        {
            return embedder.EmbedBatchAsync(texts, cancellationToken);
        }

        if (local.Model != LocalSentenceModel.Shared || !LabelledExampleSet.Shipped.Contains(set))
        {
            return EmbedLocallyAsync(local, texts, cancellationToken);
        }

        Task<IReadOnlyList<float[]>> shared;
        lock (Gate)
        {
            if (!Computed.TryGetValue(set, out shared!) || shared.IsFaulted || shared.IsCanceled)
            {
                shared = EmbedLocallyAsync(local, texts, CancellationToken.None);
                Computed[set] = shared;
            }
        }

        return shared.WaitAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<float[]>> EmbedLocallyAsync(LocalTextEmbedder embedder, List<string> texts, CancellationToken cancellationToken)
    {
        // Shortest first, so the texts of one run are padded to about the same length.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        var vectors = new float[texts.Count][];
        foreach (var run in order.Chunk(LocalTextsPerRun))
        {
            var embedded = await embedder.EmbedBatchAsync([.. run.Select(i => texts[i])], cancellationToken);
            for (var i = 0; i < run.Length; i++)
            {
                vectors[run[i]] = embedded[i];
            }
        }

        return vectors;
    }
}
