using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Numerics.Tensors;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace FitCoach.Infrastructure.Embeddings;

/// <summary>
/// Embeds text with an OpenAI-compatible embedding model through <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>
/// over the OpenAI client, the same generator Semantic Kernel 1.82's OpenAI connector registers
/// (<c>AddOpenAIEmbeddingGenerator</c>; its older embedding service is obsolete). Vectors come back L2-normalised so a
/// dot product is the cosine similarity. Question embeddings are cached in process and concurrent requests for the same
/// question share one call, because retrieval and the answer cache embed the same question moments apart. Every call
/// is reported as <see cref="IAppMetrics.ModelCall"/> (purpose <c>embedding</c>); a failing, malformed or slow answer is
/// a <see cref="DependencyUnavailableException"/>, so callers fall back to words alone.
/// </summary>
public sealed class OpenAITextEmbedder : IBatchTextEmbedder, IDisposable
{
    public const string DependencyName = "embeddings";

    /// <summary>The <c>purpose</c> label of this adapter's <see cref="IAppMetrics.ModelCall"/> metrics.</summary>
    public const string MetricPurpose = "embedding";

    /// <summary>
    /// Inputs are cut to this many characters: far below embedding models' context (8,192 tokens for OpenAI's), so a
    /// pasted essay neither fails the call nor costs much.
    /// </summary>
    public const int MaxInputChars = 8000;

    public const int MaxCachedQuestions = 10_000;

    /// <summary>32 MiB of floats: all 10,000 questions at 768 dimensions, about 5,000 at OpenAI's 1,536.</summary>
    public const long MaxCachedFloats = 8L * 1024 * 1024;

    /// <summary>OpenAI's client insists on a credential; without a key this one is sent nowhere (see <see cref="NoAuthorizationHandler"/>).</summary>
    private const string NoKey = "none";

    private readonly HttpClient _http;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly EmbeddingGenerationOptions _generation;
    private readonly TimeSpan _timeout;
    private readonly IAppMetrics _metrics;
    private readonly EmbeddingCache _cache = new(MaxCachedQuestions, MaxCachedFloats);
    private readonly ConcurrentDictionary<string, Lazy<Task<float[]>>> _inFlight = new(StringComparer.Ordinal);

    public OpenAITextEmbedder(IOptions<EmbeddingsOptions> options, IAppMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            throw new InvalidOperationException($"{EmbeddingsOptions.SectionName}:Endpoint and {EmbeddingsOptions.SectionName}:Id are required.");
        }

        ModelId = settings.Id!.Trim();
        _timeout = settings.Timeout;
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        var key = string.IsNullOrWhiteSpace(settings.Key) ? null : settings.Key.Trim();

        // Our own client, so that our timeout is the only one (the SDK's retries and 100 s network timeout are turned off
        // below); connections are recycled so a moved model server (changed DNS entry) is picked up.
        HttpMessageHandler handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        _http = new HttpClient(key is null ? new NoAuthorizationHandler(handler) : handler)
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };

        var client = new OpenAIClient(new ApiKeyCredential(key ?? NoKey), new OpenAIClientOptions
        {
            Endpoint = EndpointUri(settings.Endpoint!),
            Transport = new HttpClientPipelineTransport(_http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = System.Threading.Timeout.InfiniteTimeSpan,
        });
        _generator = client.GetEmbeddingClient(ModelId).AsIEmbeddingGenerator(settings.Dimensions);
        _generation = new EmbeddingGenerationOptions { Dimensions = settings.Dimensions };
    }

    public string ModelId { get; }

    public bool IsConfigured => true;

    public bool IsReady => true;

    /// <summary>Questions held in the cache.</summary>
    public int CachedCount => _cache.Count;

    public async Task<float[]> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        var input = Prepare(text);
        if (_cache.TryGet(input, out var cached))
        {
            _metrics.ModelCallAvoided(MetricPurpose, "exact");
            return [.. cached];
        }

        // The shared call is bounded by the timeout only, not by the first caller's token: a caller that gives up stops
        // waiting, while the others (and the cache) still get the answer.
        var call = _inFlight.GetOrAdd(input, static (key, self) => new Lazy<Task<float[]>>(() => self.FetchAsync(key)), this);
        var vector = await call.Value.WaitAsync(cancellationToken);
        return [.. vector];
    }

    public async Task<IReadOnlyList<float[]>> EmbedBatchAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        var inputs = texts.Select(Prepare).ToList();
        return await CallAsync(inputs, _timeout * EmbeddingsOptions.BatchTimeoutFactor, cancellationToken);
    }

    public void Dispose()
    {
        _generator.Dispose();
        _http.Dispose();
    }

    private async Task<float[]> FetchAsync(string input)
    {
        try
        {
            var vector = (await CallAsync([input], _timeout, CancellationToken.None))[0];
            _cache.Set(input, vector);
            return vector;
        }
        finally
        {
            // Only one call per text is in flight, so the entry under this key is this call's.
            _inFlight.TryRemove(input, out _);
        }
    }

    private async Task<float[][]> CallAsync(List<string> inputs, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            var embeddings = await _generator.GenerateAsync(inputs, _generation, timeoutSource.Token);
            var vectors = Normalize(embeddings, inputs.Count);
            Record("ok");
            return vectors;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            Record("timeout");
            throw new DependencyUnavailableException(
                DependencyName, $"The embedding model {ModelId} did not answer within {timeout.TotalSeconds:0.#} s.", ex);
        }
        catch (Exception ex)
        {
            // HTTP errors, refused connections, bodies that are not OpenAI responses and vectors that fail the checks
            // below all mean the same to the caller: no vectors this time.
            Record("error");
            throw new DependencyUnavailableException(DependencyName, $"The embedding model {ModelId} could not be called: {ex.Message}", ex);
        }

        void Record(string outcome) => _metrics.ModelCall(MetricPurpose, ModelId, outcome, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Unit-length copies, after checking there is one finite, non-zero vector per input, all of one length.</summary>
    private static float[][] Normalize(GeneratedEmbeddings<Embedding<float>> embeddings, int expected)
    {
        if (embeddings.Count != expected)
        {
            throw new InvalidDataException($"Asked for {expected} embeddings, got {embeddings.Count}.");
        }

        var vectors = new float[expected][];
        for (var i = 0; i < expected; i++)
        {
            var vector = embeddings[i].Vector.ToArray();
            if (vector.Length == 0 || (i > 0 && vector.Length != vectors[0].Length))
            {
                throw new InvalidDataException($"Embedding {i} has {vector.Length} dimensions, expected {(i > 0 ? vectors[0].Length : "some")}.");
            }

            var norm = TensorPrimitives.Norm<float>(vector);
            if (!float.IsFinite(norm) || norm <= 0f)
            {
                throw new InvalidDataException($"Embedding {i} is zero or not finite.");
            }

            TensorPrimitives.Divide(vector, norm, vector);
            vectors[i] = vector;
        }

        return vectors;
    }

    private static string Prepare(string text) => EmbeddingInput.Prepare(text, MaxInputChars);

    /// <summary>The SDK appends <c>/embeddings</c> to the base URL; a trailing slash would double it.</summary>
    private static Uri EndpointUri(string endpoint) => new(endpoint.Trim().TrimEnd('/'), UriKind.Absolute);

    /// <summary>Local servers (Ollama, llama.cpp) need no key; they get no Authorization header rather than a made-up one.</summary>
    private sealed class NoAuthorizationHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = null;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
