using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.IntegrationTests.Support;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Hybrid;

/// <summary>The process's real MiniLM model, loaded once for every test that needs it.</summary>
internal static class LocalModel
{
    public static async Task<LocalSentenceModel> ReadyAsync(CancellationToken cancellationToken)
    {
        var model = LocalSentenceModel.Shared;
        model.StartLoading();
        await model.WhenReadyAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
        return model;
    }

    public static async Task<LocalTextEmbedder> EmbedderAsync(CancellationToken cancellationToken, RecordingMetrics? metrics = null, int cacheCapacity = LocalTextEmbedder.MaxCachedQuestions) =>
        new(await ReadyAsync(cancellationToken), metrics ?? new RecordingMetrics(), cacheCapacity);
}

/// <summary>Counts the texts that reach the model through <see cref="IBatchTextEmbedder.EmbedBatchAsync"/>.</summary>
internal sealed class CountingBatchEmbedder(IBatchTextEmbedder inner) : IBatchTextEmbedder
{
    private readonly List<string> _embedded = [];

    public IReadOnlyList<string> Embedded
    {
        get
        {
            lock (_embedded)
            {
                return [.. _embedded];
            }
        }
    }

    public string ModelId => inner.ModelId;

    public bool IsConfigured => inner.IsConfigured;

    public bool IsReady => inner.IsReady;

    public Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken) => inner.EmbedAsync(text, cancellationToken);

    public Task<IReadOnlyList<float[]>> EmbedBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        lock (_embedded)
        {
            _embedded.AddRange(texts);
        }

        return inner.EmbedBatchAsync(texts, cancellationToken);
    }
}
