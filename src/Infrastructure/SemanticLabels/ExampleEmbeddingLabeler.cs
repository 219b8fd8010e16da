using System.Collections.Frozen;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Embeddings;
using Microsoft.Extensions.Logging;

namespace FitCoach.Infrastructure.SemanticLabels;

/// <summary>
/// The semantic signal from the embedding model: the text's vector against the labelled examples' vectors
/// (<see cref="LabelledVectors"/>: per label, the similarity to the centroid of its examples, and its nearest example).
/// <para>
/// The examples are embedded once, in the background, with the batch embedder, starting at the first call (or at
/// <see cref="StartBuilding"/>, for a caller that wants the signal ready sooner); a failed attempt is retried with
/// growing delays. The shipped sets embedded by the process's local model are computed once per process and shared by
/// every labeler in it (<see cref="SharedExampleVectors"/>). Until a set's vectors are ready, or while the model is
/// loading, a call answers <see cref="SemanticSignal.Warming"/> at once; when embedding the text fails,
/// <see cref="SemanticSignal.Failed"/> (logged once per outage). A call embeds its text once, through the embedder's
/// bounded cache, and holds nothing of it.
/// </para>
/// </summary>
public sealed partial class ExampleEmbeddingLabeler : ISemanticLabeler, IDisposable
{
    private static readonly TimeSpan DefaultFirstRetryDelay = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(5);

    private readonly FrozenDictionary<string, LabelledExampleSet> _sets;
    private readonly IBatchTextEmbedder _embedder;
    private readonly ILogger<ExampleEmbeddingLabeler> _logger;
    private readonly TimeSpan _firstRetryDelay;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly CancellationToken _stopping;
    private readonly Lock _lock = new();
    private volatile FrozenDictionary<string, LabelledVectors> _ready = FrozenDictionary<string, LabelledVectors>.Empty;
    private Task? _build;
    private int _embeddingFailing;
    private int _disposed;

    public ExampleEmbeddingLabeler(
        IReadOnlyList<LabelledExampleSet> sets,
        IBatchTextEmbedder embedder,
        ILogger<ExampleEmbeddingLabeler> logger,
        TimeSpan? firstRetryDelay = null)
    {
        ArgumentNullException.ThrowIfNull(sets);
        _sets = sets.ToFrozenDictionary(s => s.Name, StringComparer.Ordinal);
        _embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _firstRetryDelay = firstRetryDelay ?? DefaultFirstRetryDelay;
        _stopping = _lifetime.Token;
    }

    /// <summary>Whether every set's example vectors are ready.</summary>
    public bool IsReady => _ready.Count == _sets.Count;

    /// <summary>Starts embedding the examples in the background unless already started; returns at once.</summary>
    public void StartBuilding() => _ = BuildAsync();

    /// <summary>
    /// Embeds every set's examples, set by set, each usable as soon as it is ready. Idempotent: later calls share the
    /// first call's build. Ends when all are ready, or cancelled when the labeler is disposed.
    /// </summary>
    public Task BuildAsync()
    {
        lock (_lock)
        {
            return _build ??= Task.Run(BuildCoreAsync, _stopping);
        }
    }

    public async Task<LabelRanking> RankAsync(string labelSet, string text, CancellationToken cancellationToken)
    {
        SemanticLabelSets.ThrowIfUnknown(labelSet);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (!_sets.ContainsKey(labelSet))
        {
            throw new ArgumentException($"This labeler has no examples for label set '{labelSet}'.", nameof(labelSet));
        }

        if (_embedder is LocalTextEmbedder { Model.State: LocalModelState.Failed })
        {
            return LabelRanking.Failed; // the local model failed to load: that is final for this process
        }

        if (!_ready.TryGetValue(labelSet, out var vectors))
        {
            StartBuilding();
            return LabelRanking.Warming;
        }

        if (!_embedder.IsReady)
        {
            return LabelRanking.Warming;
        }

        float[] query;
        try
        {
            query = await _embedder.EmbedAsync(text, cancellationToken);
            if (query.Length != vectors.Dimensions)
            {
                throw new DependencyUnavailableException(
                    OpenAITextEmbedder.DependencyName,
                    $"The embedding model {_embedder.ModelId} returned {query.Length} dimensions for the text; its examples have {vectors.Dimensions}.");
            }
        }
        catch (DependencyUnavailableException ex)
        {
            if (Interlocked.Exchange(ref _embeddingFailing, 1) == 0)
            {
                LogEmbeddingFailed(ex);
            }

            return LabelRanking.Failed;
        }

        if (Interlocked.Exchange(ref _embeddingFailing, 0) == 1)
        {
            LogEmbeddingRecovered();
        }

        return new LabelRanking(SemanticSignal.Available, vectors.Rank(query));
    }

    /// <summary>Stops a build still running. Idempotent: the container disposes it once per registration that resolves it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _lifetime.Cancel();
        _lifetime.Dispose();
    }

    private async Task BuildCoreAsync()
    {
        foreach (var set in _sets.Values)
        {
            var vectors = await EmbedWithRetryAsync(set);
            var ready = new Dictionary<string, LabelledVectors>(_ready, StringComparer.Ordinal) { [set.Name] = vectors };
            _ready = ready.ToFrozenDictionary(StringComparer.Ordinal);
            LogSetReady(set.Name, set.Examples.Count, set.Labels.Count, vectors.Dimensions);
        }
    }

    /// <summary>One set's vectors, retried with doubling delays (up to five minutes) while the model cannot embed them.</summary>
    private async Task<LabelledVectors> EmbedWithRetryAsync(LabelledExampleSet set)
    {
        var delay = _firstRetryDelay;
        var failures = 0;
        while (true)
        {
            try
            {
                var vectors = await SharedExampleVectors.EmbedAsync(_embedder, set, _stopping);
                return new LabelledVectors(set, vectors);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
            {
                failures++;
                if (failures == 1)
                {
                    LogBuildFailed(ex, set.Name, delay.TotalSeconds);
                }
                else
                {
                    LogBuildFailedAgain(ex, set.Name, failures);
                }
            }

            await Task.Delay(delay, _stopping);
            delay = delay * 2 > MaxRetryDelay ? MaxRetryDelay : delay * 2;
        }
    }

    // Routine at every start, so Debug (as the vector index logs reading its shipped vectors); failures are the news.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Semantic labels: {Examples} examples of {Labels} labels in '{LabelSet}' embedded ({Dimensions} dimensions); the signal is available")]
    private partial void LogSetReady(string labelSet, int examples, int labels, int dimensions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Semantic labels: embedding the examples of '{LabelSet}' failed; callers decide on rules alone and it is retried in {Delay} s, then with growing delays")]
    private partial void LogBuildFailed(Exception exception, string labelSet, double delay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Semantic labels: embedding the examples of '{LabelSet}' failed again (attempt {Attempt})")]
    private partial void LogBuildFailedAgain(Exception exception, string labelSet, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Semantic labels: embedding a text failed; callers decide on rules alone until the embedding model answers again")]
    private partial void LogEmbeddingFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Semantic labels: the embedding model answers again")]
    private partial void LogEmbeddingRecovered();
}
