using System.Numerics.Tensors;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.Health;
using FitCoach.Infrastructure.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Hybrid;

/// <summary>The local MiniLM embedder on the real model (loaded once per test process).</summary>
public sealed class LocalTextEmbedderTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmbedAsync_ReturnsUnitLengthVectors_WithRelatedTextsCloserThanUnrelatedOnes()
    {
        using var embedder = await LocalModel.EmbedderAsync(Cancel);

        var question = await embedder.EmbedAsync("how do I get bigger arms", Cancel);
        var related = await embedder.EmbedAsync("Building bicep and tricep muscle size with curls and extensions", Cancel);
        var unrelated = await embedder.EmbedAsync("Sleep quality improves with a cool, dark bedroom", Cancel);

        Assert.Equal(LocalSentenceModel.Dimensions, question.Length);
        Assert.InRange(TensorPrimitives.Norm<float>(question), 0.999f, 1.001f);
        var relatedSimilarity = TensorPrimitives.Dot<float>(question, related);
        var unrelatedSimilarity = TensorPrimitives.Dot<float>(question, unrelated);
        Assert.True(relatedSimilarity > 0.3f, $"related: {relatedSimilarity}");
        Assert.True(relatedSimilarity > unrelatedSimilarity + 0.2f, $"related {relatedSimilarity}, unrelated {unrelatedSimilarity}");
        Assert.Equal(LocalSentenceModel.ModelId, embedder.ModelId);
        Assert.True(embedder.IsReady);
    }

    [Fact]
    public async Task EmbedBatchAsync_GivesTheSameVectorsAsOneByOne_InOrder()
    {
        using var embedder = await LocalModel.EmbedderAsync(Cancel);
        string[] texts = ["Romanian deadlift for hamstrings", "zone 2 cardio base", "protein per kilogram of body weight"];

        var batch = await embedder.EmbedBatchAsync(texts, Cancel);

        Assert.Equal(texts.Length, batch.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            var single = await embedder.EmbedAsync(texts[i], Cancel);
            Assert.True(TensorPrimitives.Dot<float>(single, batch[i]) > 0.999f, texts[i]);
        }
    }

    [Fact]
    public async Task EmbedAsync_FromManyThreadsAtOnce_GivesEachCallerItsOwnTextsVector()
    {
        using var embedder = await LocalModel.EmbedderAsync(Cancel, cacheCapacity: 1);
        var texts = Enumerable.Range(0, 48).Select(i => $"question number {i} about squat depth and knee travel").ToArray();
        var sequential = new List<float[]>();
        foreach (var text in texts)
        {
            sequential.Add((await embedder.EmbedBatchAsync([text], Cancel))[0]);
        }

        var concurrent = await Task.WhenAll(texts.Select(t => Task.Run(() => embedder.EmbedAsync(t, Cancel), Cancel)));

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(TensorPrimitives.Dot<float>(sequential[i], concurrent[i]) > 0.999f, texts[i]);
        }
    }

    [Fact]
    public async Task QuestionCache_FilledPastItsCapacity_StaysWithinIt_AndServesRepeats()
    {
        var metrics = new RecordingMetrics();
        using var embedder = await LocalModel.EmbedderAsync(Cancel, metrics, cacheCapacity: 8);

        for (var i = 0; i < 40; i++)
        {
            await embedder.EmbedAsync($"distinct question {i}", Cancel);
            Assert.InRange(embedder.CachedCount, 0, 8);
        }

        // At the bound a new entry is refused and triggers a compaction (a fifth out) in the background, after which
        // a repeated question is kept and served from the cache.
        await embedder.EmbedAsync("repeated question", Cancel);
        await Task.Delay(100, Cancel);
        await embedder.EmbedAsync("repeated question", Cancel);
        Assert.InRange(embedder.CachedCount, 1, 8);
        var calls = metrics.ModelCalls.Count;
        await embedder.EmbedAsync("repeated question", Cancel);
        Assert.Equal(calls, metrics.ModelCalls.Count);
        Assert.Contains(metrics.Avoided, a => a == ("embedding", "exact"));
    }

    [Fact]
    public async Task EmbedAsync_BeforeTheModelIsLoaded_FailsAtOnce_WhileABatchWaitsForTheModel()
    {
        using var gate = new ManualResetEventSlim();
        var model = new LocalSentenceModel(() =>
        {
            gate.Wait(TimeSpan.FromSeconds(30));
            throw new InvalidOperationException("model file is damaged");
        });
        using var embedder = new LocalTextEmbedder(model, new RecordingMetrics());

        var notStarted = await Assert.ThrowsAsync<DependencyUnavailableException>(() => embedder.EmbedAsync("bench press", Cancel));
        Assert.Contains("still loading", notStarted.Message, StringComparison.Ordinal);
        model.StartLoading();
        Assert.Equal(LocalModelState.Loading, model.State);
        Assert.False(embedder.IsReady);
        var whileLoading = embedder.EmbedAsync("bench press", Cancel);
        Assert.True(whileLoading.IsCompleted, "A question waited for the model.");
        await Assert.ThrowsAsync<DependencyUnavailableException>(() => whileLoading);
        var batch = embedder.EmbedBatchAsync(["bench press"], Cancel);
        Assert.False(batch.IsCompleted);

        gate.Set();
        var failed = await Assert.ThrowsAsync<DependencyUnavailableException>(() => batch);
        Assert.Contains("failed to load", failed.Message, StringComparison.Ordinal);
        Assert.Equal(LocalModelState.Failed, model.State);
        Assert.IsType<InvalidOperationException>(model.LoadError);
    }

    [Fact]
    public async Task HealthCheck_IsDegradedWhileLoadingAndAfterAFailedLoad_HealthyWithProviderAndModelOnceReady()
    {
        using var gate = new ManualResetEventSlim();
        var failing = new LocalSentenceModel(() =>
        {
            gate.Wait(TimeSpan.FromSeconds(30));
            throw new InvalidOperationException("no model");
        });
        using var loading = new LocalTextEmbedder(failing, new RecordingMetrics());
        failing.StartLoading();

        var whileLoading = await CheckAsync(loading);
        gate.Set();
        await Assert.ThrowsAnyAsync<Exception>(() => failing.WhenReadyAsync(Cancel));
        var afterFailure = await CheckAsync(loading);
        using var ready = await LocalModel.EmbedderAsync(Cancel);
        var healthy = await CheckAsync(ready);

        Assert.Equal(HealthStatus.Degraded, whileLoading.Status);
        Assert.Contains("is loading", whileLoading.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Degraded, afterFailure.Status);
        Assert.Contains("failed to load", afterFailure.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.StartsWith("local all-MiniLM-L6-v2 (384 dimensions", healthy.Description, StringComparison.Ordinal);
        Assert.Equal("local", healthy.Data["provider"]);
        Assert.Equal("all-MiniLM-L6-v2", healthy.Data["model"]);
    }

    private static async Task<HealthCheckResult> CheckAsync(LocalTextEmbedder embedder)
    {
        await using var services = new ServiceCollection().AddSingleton<IBatchTextEmbedder>(embedder).BuildServiceProvider();
        return await new EmbeddingsHealthCheck(services).CheckHealthAsync(new HealthCheckContext(), Cancel);
    }
}
