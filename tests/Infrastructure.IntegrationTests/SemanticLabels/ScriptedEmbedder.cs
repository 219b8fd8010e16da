using FitCoach.Application.Common.Exceptions;
using FitCoach.Infrastructure.Embeddings;

namespace FitCoach.Infrastructure.IntegrationTests.SemanticLabels;

/// <summary>
/// An embedder that returns the vectors it was given for each text, counts its calls, and can be told to be not ready,
/// to fail texts or batches, or to hold batches until released.
/// </summary>
internal sealed class ScriptedEmbedder(IReadOnlyDictionary<string, float[]> vectors) : IBatchTextEmbedder
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _textCalls;
    private int _batchCalls;
    private int _batchesToFail;

    public string ModelId => "scripted";

    public bool IsConfigured => true;

    public bool IsReady { get; set; } = true;

    /// <summary>While true, embedding a text throws <see cref="DependencyUnavailableException"/>.</summary>
    public bool FailTexts { get; set; }

    /// <summary>While true, batches wait for <see cref="ReleaseBatches"/>.</summary>
    public bool HoldBatches { get; init; }

    public int TextCalls => Volatile.Read(ref _textCalls);

    public int BatchCalls => Volatile.Read(ref _batchCalls);

    /// <summary>The next <paramref name="count"/> batches throw <see cref="DependencyUnavailableException"/>.</summary>
    public void FailNextBatches(int count) => Volatile.Write(ref _batchesToFail, count);

    public void ReleaseBatches() => _release.TrySetResult();

    public Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _textCalls);
        return FailTexts
            ? Task.FromException<float[]>(new DependencyUnavailableException("embeddings", "scripted outage"))
            : Task.FromResult<float[]>([.. vectors[text]]);
    }

    public async Task<IReadOnlyList<float[]>> EmbedBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _batchCalls);
        if (HoldBatches)
        {
            await _release.Task.WaitAsync(cancellationToken);
        }

        if (Interlocked.Decrement(ref _batchesToFail) >= 0)
        {
            throw new DependencyUnavailableException("embeddings", "scripted batch failure");
        }

        return [.. texts.Select(t => vectors[t].ToArray())];
    }
}
