using System.Numerics.Tensors;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Exercises;
using FitCoach.Infrastructure.Embeddings;
using Microsoft.Extensions.Logging;

namespace FitCoach.Infrastructure.Knowledge.Hybrid;

/// <summary>
/// The catalog's exercise names as vectors, read from the <see cref="DocumentVectorIndex"/> (which embeds and stores
/// them with the corpus, see <see cref="CorpusVectorTexts.ExerciseNames"/>), and the query name embedded by the
/// <see cref="ITextEmbedder"/> the index was built with. Once the index is ready the names are laid out once as one
/// row per exercise, and a name is compared with all of them by dot product (873 names of 384 floats: well under a
/// millisecond); the name's own embedding is the cost, about 8 ms with the local model, and is kept in the embedder's
/// bounded cache. Until the model and the index are ready, or while the model fails, answers are empty at once.
/// </summary>
public sealed partial class ExerciseNameVectors : IExerciseNameVectors
{
    private readonly DocumentVectorIndex _index;
    private readonly ITextEmbedder _embedder;
    private readonly IReadOnlyList<Exercise> _catalog;
    private readonly ILogger<ExerciseNameVectors> _logger;
    private readonly Lock _lock = new();
    private NameMatrix? _matrix;

    public ExerciseNameVectors(DocumentVectorIndex index, ITextEmbedder embedder, IReadOnlyList<Exercise> catalog, ILogger<ExerciseNameVectors> logger)
    {
        _index = index ?? throw new ArgumentNullException(nameof(index));
        _embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public ExerciseNameCalibration? Calibration => _embedder.IsConfigured ? _embedder.ExerciseNameCalibration : null;

    /// <summary>How many exercises have a name vector; zero until the index is ready.</summary>
    public int Count => Matrix()?.Ids.Length ?? 0;

    public async Task<IReadOnlyList<ExerciseNameNeighbour>> NearestAsync(string name, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (string.IsNullOrWhiteSpace(name) || Calibration is null || !ModelReady || Matrix() is not { } matrix)
        {
            return [];
        }

        var query = await EmbedAsync(name, cancellationToken);
        if (query is null || query.Length != matrix.Dimensions)
        {
            return [];
        }

        var nearest = new List<ExerciseNameNeighbour>(limit + 1);
        for (var row = 0; row < matrix.Ids.Length; row++)
        {
            var similarity = TensorPrimitives.Dot<float>(query, matrix.Row(row));
            if (nearest.Count == limit && similarity <= nearest[^1].Similarity)
            {
                continue;
            }

            var at = nearest.Count;
            while (at > 0 && nearest[at - 1].Similarity < similarity)
            {
                at--;
            }

            nearest.Insert(at, new ExerciseNameNeighbour(matrix.Ids[row], similarity));
            if (nearest.Count > limit)
            {
                nearest.RemoveAt(nearest.Count - 1);
            }
        }

        return nearest;
    }

    public async Task<double?> SimilarityAsync(string first, string second, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (string.IsNullOrWhiteSpace(first) || string.IsNullOrWhiteSpace(second) || Calibration is null || !ModelReady)
        {
            return null;
        }

        var a = await EmbedAsync(first, cancellationToken);
        var b = a is null ? null : await EmbedAsync(second, cancellationToken);
        return a is null || b is null || a.Length != b.Length ? null : TensorPrimitives.Dot<float>(a, b);
    }

    private bool ModelReady => _embedder is not IBatchTextEmbedder batch || batch.IsReady;

    private async Task<float[]?> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        try
        {
            return await _embedder.EmbedAsync(text, cancellationToken);
        }
        catch (DependencyUnavailableException ex)
        {
            // The caller creates a custom exercise instead; the embedder's own metrics and health check report the outage.
            LogEmbeddingUnavailable(ex.Message);
            return null;
        }
    }

    private NameMatrix? Matrix()
    {
        if (Volatile.Read(ref _matrix) is { } built)
        {
            return built;
        }

        if (!_index.IsReady)
        {
            return null;
        }

        lock (_lock)
        {
            return _matrix ??= NameMatrix.Build(_catalog, _index);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Exercise names are matched on words alone for now: {Reason}")]
    private partial void LogEmbeddingUnavailable(string reason);

    /// <summary>One row of <see cref="Dimensions"/> floats per catalog exercise whose name has a vector, in one array.</summary>
    private sealed class NameMatrix
    {
        public required string[] Ids { get; init; }

        public required float[] Values { get; init; }

        public required int Dimensions { get; init; }

        public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * Dimensions, Dimensions);

        public static NameMatrix Build(IReadOnlyList<Exercise> catalog, DocumentVectorIndex index)
        {
            var rows = catalog
                .Where(e => !e.IsCustom)
                .Select(e => (e.Id, Vector: index.TextVector(e.Name.Trim())))
                .Where(r => r.Vector is { Length: > 0 })
                .ToList();
            var dimensions = rows.Count == 0 ? 0 : rows[0].Vector!.Length;
            rows.RemoveAll(r => r.Vector!.Length != dimensions);
            var values = new float[rows.Count * dimensions];
            for (var i = 0; i < rows.Count; i++)
            {
                rows[i].Vector.AsSpan().CopyTo(values.AsSpan(i * dimensions));
            }

            return new NameMatrix { Ids = [.. rows.Select(r => r.Id)], Values = values, Dimensions = dimensions };
        }
    }
}

/// <summary>The <see cref="IExerciseNameVectors"/> when no embedding model is configured: names are matched on words alone.</summary>
public sealed class NoExerciseNameVectors : IExerciseNameVectors
{
    public ExerciseNameCalibration? Calibration => null;

    public Task<IReadOnlyList<ExerciseNameNeighbour>> NearestAsync(string name, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ExerciseNameNeighbour>>([]);

    public Task<double?> SimilarityAsync(string first, string second, CancellationToken cancellationToken) => Task.FromResult<double?>(null);
}
