using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.IntegrationTests.Support;
using Microsoft.Extensions.Options;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Hybrid;

/// <summary>Our embedding client against a loopback OpenAI-compatible server: what it sends, what it keeps, what it reports.</summary>
public sealed class OpenAITextEmbedderTests : IAsyncLifetime
{
    private const string ModelId = "fake-embed-1";
    private const string Question = "how do I get bigger arms";

    private readonly RecordingMetrics _metrics = new();
    private FakeEmbeddingServer _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await FakeEmbeddingServer.StartAsync(Cancel);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task EmbedAsync_PostsTheTextWithTheModelIdAndBearerKey_AndReturnsAUnitVector()
    {
        using var embedder = CreateEmbedder();

        var vector = await embedder.EmbedAsync($"  {Question}  ", Cancel);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/embeddings", request.Path);
        Assert.Equal(ModelId, request.Model);
        Assert.Equal("Bearer sk-test", request.Authorization);
        Assert.Equal([Question], request.Inputs);
        Assert.Null(request.Dimensions);
        Assert.Equal("base64", request.EncodingFormat);
        Assert.Equal(FakeSemantics.Dimensions, vector.Length);
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(x => (double)x * x)), 5);
        var expected = FakeSemantics.Embed(Question);
        Assert.All(vector.Zip(expected), pair => Assert.Equal(pair.Second, pair.First, 5));
    }

    [Fact]
    public async Task EmbedAsync_ReadsFloatArrays_FromServersThatIgnoreTheBase64Request()
    {
        using var embedder = CreateEmbedder();
        _server.IgnoreEncodingFormat = true;

        var vector = await embedder.EmbedAsync(Question, Cancel);

        var expected = FakeSemantics.Embed(Question);
        Assert.All(vector.Zip(expected), pair => Assert.Equal(pair.Second, pair.First, 5));
    }

    [Fact]
    public async Task EmbedAsync_ReportsEachCallAsAnEmbeddingModelCall()
    {
        using var embedder = CreateEmbedder();

        await embedder.EmbedAsync(Question, Cancel);

        Assert.Equal([("embedding", ModelId, "ok")], _metrics.ModelCalls);
    }

    [Fact]
    public async Task EmbedAsync_CachesRepeatedQuestions_SoTheServerIsCalledOnce()
    {
        using var embedder = CreateEmbedder();

        var first = await embedder.EmbedAsync(Question, Cancel);
        first[0] = 42f; // a caller changing its copy must not change the cache
        var second = await embedder.EmbedAsync(Question + " ", Cancel);

        Assert.Single(_server.Requests);
        Assert.Single(_metrics.ModelCalls);
        Assert.Equal([("embedding", "exact")], _metrics.Avoided);
        Assert.NotEqual(42f, second[0]);
        Assert.Equal(1, embedder.CachedCount);
    }

    [Fact]
    public async Task EmbedAsync_ConcurrentRequestsForOneQuestion_ShareOneCall()
    {
        using var embedder = CreateEmbedder();
        _server.Delay = TimeSpan.FromMilliseconds(300);

        var vectors = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => embedder.EmbedAsync(Question, Cancel)));

        Assert.Single(_server.Requests);
        Assert.All(vectors, v => Assert.Equal(vectors[0], v));
    }

    [Fact]
    public async Task EmbedAsync_WhenTheServerFails_ThrowsDependencyUnavailable_ReportsAnError_AndCachesNothing()
    {
        using var embedder = CreateEmbedder();
        _server.FailWithStatus = 500;

        var ex = await Assert.ThrowsAsync<DependencyUnavailableException>(() => embedder.EmbedAsync(Question, Cancel));

        Assert.Equal("embeddings", ex.Dependency);
        Assert.Equal([("embedding", ModelId, "error")], _metrics.ModelCalls);

        _server.FailWithStatus = null;
        await embedder.EmbedAsync(Question, Cancel);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task EmbedAsync_WhenTheServerIsSlow_GivesUpAfterTheTimeout_AndReportsATimeout()
    {
        using var embedder = CreateEmbedder(timeout: TimeSpan.FromMilliseconds(250));
        _server.Delay = TimeSpan.FromSeconds(10);
        var started = Stopwatch.GetTimestamp();

        var ex = await Assert.ThrowsAsync<DependencyUnavailableException>(() => embedder.EmbedAsync(Question, Cancel));

        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
        Assert.Equal("embeddings", ex.Dependency);
        Assert.Equal([("embedding", ModelId, "timeout")], _metrics.ModelCalls);
    }

    [Fact]
    public async Task EmbedAsync_WhenNothingListens_ThrowsDependencyUnavailable()
    {
        using var embedder = CreateEmbedder(endpoint: new Uri($"http://127.0.0.1:{UnusedLoopbackPort()}/v1"));

        var ex = await Assert.ThrowsAsync<DependencyUnavailableException>(() => embedder.EmbedAsync(Question, Cancel));

        Assert.Equal("embeddings", ex.Dependency);
        Assert.Equal([("embedding", ModelId, "error")], _metrics.ModelCalls);
    }

    [Fact]
    public async Task EmbedAsync_WithoutAKey_SendsNoAuthorization_AndAsksForTheConfiguredDimensions()
    {
        using var embedder = CreateEmbedder(key: null, dimensions: 64, endpoint: new Uri(_server.Endpoint + "/"));

        var vector = await embedder.EmbedAsync(Question, Cancel);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/embeddings", request.Path);
        Assert.Null(request.Authorization);
        Assert.Equal(64, request.Dimensions);
        Assert.Equal(64, vector.Length);
    }

    [Fact]
    public async Task EmbedBatchAsync_SendsAllTextsInOneRequest_AndReturnsTheirVectorsInOrder()
    {
        using var embedder = CreateEmbedder();
        string[] texts = ["deadlift setup", "sleep and recovery", "elbow flexor growth"];

        var vectors = await embedder.EmbedBatchAsync(texts, Cancel);

        var request = Assert.Single(_server.Requests);
        Assert.Equal(texts, request.Inputs);
        Assert.Equal(3, vectors.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            var expected = FakeSemantics.Embed(texts[i]);
            Assert.All(vectors[i].Zip(expected), pair => Assert.Equal(pair.Second, pair.First, 5));
        }

        Assert.Equal(0, embedder.CachedCount);
        Assert.Equal([("embedding", ModelId, "ok")], _metrics.ModelCalls);
    }

    [Fact]
    public async Task EmbedAsync_RefusesAZeroVector_AsAnUnusableAnswer()
    {
        using var embedder = CreateEmbedder();

        // The fake model gives a text of stop words no direction at all.
        var ex = await Assert.ThrowsAsync<DependencyUnavailableException>(() => embedder.EmbedAsync("how do I", Cancel));

        Assert.Contains("zero", ex.Message, StringComparison.Ordinal);
        Assert.Equal([("embedding", ModelId, "error")], _metrics.ModelCalls);
        Assert.Equal(0, embedder.CachedCount);
    }

    [Fact]
    public async Task EmbedAsync_RefusesBlankText()
    {
        using var embedder = CreateEmbedder();

        await Assert.ThrowsAsync<ArgumentException>(() => embedder.EmbedAsync("   ", Cancel));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void EmbeddingCache_EvictsTheLeastRecentlyUsed_ByEntriesAndByFloats()
    {
        var cache = new EmbeddingCache(maxEntries: 2, maxFloats: 10);
        cache.Set("a", new float[4]);
        cache.Set("b", new float[4]);
        Assert.True(cache.TryGet("a", out _)); // a is now the most recently used

        cache.Set("c", new float[4]); // three entries and 12 floats: b goes

        Assert.True(cache.TryGet("a", out _));
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("c", out _));

        cache.Set("d", new float[8]); // 16 floats: the two older go
        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("d", out _));
    }

    private OpenAITextEmbedder CreateEmbedder(Uri? endpoint = null, string? key = "sk-test", TimeSpan? timeout = null, int? dimensions = null) =>
        new(
            Options.Create(new EmbeddingsOptions
            {
                Endpoint = (endpoint ?? _server.Endpoint).ToString(),
                Key = key,
                Id = ModelId,
                Timeout = timeout ?? TimeSpan.FromSeconds(5),
                Dimensions = dimensions,
            }),
            _metrics);

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
