using System.Diagnostics;
using System.Numerics.Tensors;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using Microsoft.Extensions.Caching.Memory;

namespace FitCoach.Infrastructure.Embeddings;

/// <summary>
/// Embeds text with the in-process MiniLM model (<see cref="LocalSentenceModel"/>): no network, no key, about 8 ms of CPU
/// per question. It never makes a caller wait for the model to load: until the model is ready a question gets
/// <see cref="DependencyUnavailableException"/> at once (callers then work on words alone), while corpus batches
/// (<see cref="EmbedBatchAsync"/>, background work) wait for it. Question vectors are kept in a bounded cache
/// (<see cref="MaxCachedQuestions"/> entries, least recently used out first), because retrieval and the answer cache
/// embed the same question moments apart. Vectors are L2-normalised, so a dot product is the cosine similarity.
/// </summary>
public sealed class LocalTextEmbedder : IBatchTextEmbedder, IDisposable
{
    public const string DependencyName = "embeddings";

    /// <summary>
    /// Inputs are cut to this many characters. The model reads at most 256 word pieces (about 1,000–1,500 characters of
    /// English) and drops the rest, so longer input would only cost tokenizing.
    /// </summary>
    public const int MaxInputChars = 2000;

    /// <summary>About 15 MB of vectors at 384 floats (plus the question texts, at most <see cref="MaxInputChars"/> each).</summary>
    public const int MaxCachedQuestions = 10_000;

    private readonly LocalSentenceModel _model;
    private readonly IAppMetrics _metrics;
    private readonly MemoryCache _cache;

    public LocalTextEmbedder(LocalSentenceModel model, IAppMetrics metrics, int cacheCapacity = MaxCachedQuestions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cacheCapacity);
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = cacheCapacity, CompactionPercentage = 0.2 });
    }

    public string ModelId => LocalSentenceModel.ModelId;

    public bool IsConfigured => true;

    public bool IsReady => _model.State == LocalModelState.Ready;

    /// <summary>
    /// Measured on coach-paraphrases.json (120 true paraphrases, 80 different-meaning pairs sharing most words) and on
    /// every pair of 420 distinct coaching questions: at 0.80, with the answer cache's rewording guard, no
    /// different-meaning pair and no two distinct questions matched except two that are themselves paraphrases, and
    /// 6 of the 120 paraphrases did (SemanticAnswerCacheCalibrationTests). MiniLM alone cannot separate the sets: it
    /// puts "stretch before lifting" and "... after lifting" at 0.97, and the different-meaning pairs' median (0.78)
    /// above the paraphrases' (0.74).
    /// </summary>
    public double ParaphraseSimilarity => 0.80;

    /// <summary>
    /// Measured on exercise-names-semantic.json (names the word matcher cannot resolve, and names of exercises the
    /// catalog lacks) with the word checks of the meaning fallback: see docs/BENCHMARKS.md, "Matcher: meaning
    /// fallback", and ExerciseMeaningCalibrationTests. MiniLM puts a maker's name and a variant's name in front of a
    /// movement at the same distance ("Atlantis leg press" / Leg Press 0.72, "Copenhagen plank" / Plank 0.72), so the
    /// checks carry most of the safety; these thresholds keep the nearest name honest.
    /// </summary>
    public ExerciseNameCalibration ExerciseNameCalibration { get; } = new(MinSimilarity: 0.70, MinMargin: 0.02, MinWordSimilarity: 0.55);

    public LocalSentenceModel Model => _model;

    /// <summary>Questions held in the cache now.</summary>
    public int CachedCount => _cache.Count;

    public async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        var input = Prepare(text);
        if (_cache.TryGetValue(input, out float[]? cached))
        {
            _metrics.ModelCallAvoided(OpenAITextEmbedder.MetricPurpose, "exact");
            return [.. cached!];
        }

        if (_model.State != LocalModelState.Ready)
        {
            throw new DependencyUnavailableException(DependencyName, NotReadyMessage());
        }

        var vector = (await EncodeAsync([input], cancellationToken))[0];
        _cache.Set(input, vector, new MemoryCacheEntryOptions { Size = 1 });
        return [.. vector];
    }

    public async Task<IReadOnlyList<float[]>> EmbedBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        try
        {
            await _model.WhenReadyAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DependencyUnavailableException(DependencyName, NotReadyMessage(), ex);
        }

        // Batches of the model's size, each its own queue entry, so a question arriving meanwhile waits for one run only.
        var vectors = new List<float[]>(texts.Count);
        foreach (var chunk in texts.Select(Prepare).Chunk(LocalSentenceModel.MaxBatch))
        {
            vectors.AddRange(await EncodeAsync(chunk, cancellationToken));
        }

        return vectors;
    }

    public void Dispose() => _cache.Dispose();

    private async Task<float[][]> EncodeAsync(string[] inputs, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        float[][] vectors;
        try
        {
            vectors = await _model.EncodeAsync(inputs, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            Record("error");
            throw new DependencyUnavailableException(DependencyName, $"The local embedding model {ModelId} failed: {ex.Message}", ex);
        }

        foreach (var vector in vectors)
        {
            var norm = TensorPrimitives.Norm<float>(vector);
            if (vector.Length != LocalSentenceModel.Dimensions || !float.IsFinite(norm) || norm <= 0f)
            {
                Record("error");
                throw new DependencyUnavailableException(DependencyName, $"The local embedding model {ModelId} returned an unusable vector.");
            }

            TensorPrimitives.Divide(vector, norm, vector);
        }

        Record("ok");
        return vectors;

        void Record(string outcome) => _metrics.ModelCall(OpenAITextEmbedder.MetricPurpose, ModelId, outcome, Stopwatch.GetElapsedTime(started));
    }

    private string NotReadyMessage() => _model.State == LocalModelState.Failed
        ? $"The local embedding model {ModelId} failed to load: {_model.LoadError?.Message}"
        : $"The local embedding model {ModelId} is still loading.";

    private static string Prepare(string text) => EmbeddingInput.Prepare(text, MaxInputChars);
}
