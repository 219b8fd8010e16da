using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Catalog;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Knowledge;
using FitCoach.Infrastructure.Knowledge.Corpus;
using FitCoach.Infrastructure.Knowledge.Hybrid;
using Microsoft.Extensions.Configuration;
using FitCoach.Infrastructure.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Hybrid;

/// <summary><c>AddKnowledge</c> with and without the <c>Embeddings</c> section, over the real corpus.</summary>
public sealed class HybridRegistrationTests : IAsyncLifetime
{
    private const string ModelId = "fake-embed-1";

    private FakeEmbeddingServer _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await FakeEmbeddingServer.StartAsync(Cancel);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData(null, null, "none")]
    [InlineData("", ModelId, "none")]
    [InlineData("http://localhost:11434/v1", ModelId, " None ")]
    public async Task AddKnowledge_WithProviderNone_KeepsTheBm25Search_AndRegistersNoEmbedder(string? endpoint, string? id, string provider)
    {
        await using var services = Services(Configuration(endpoint, id, ("Embeddings:Provider", provider))).BuildServiceProvider();

        Assert.IsType<EmbeddedKnowledgeIndex>(services.GetRequiredService<IKnowledgeSearch>());
        Assert.IsType<EmbeddedKnowledgeIndex>(services.GetRequiredKeyedService<IKnowledgeSearch>(KnowledgeRegistration.LocalSearchKey));
        Assert.Null(services.GetService<ITextEmbedder>());
        Assert.Null(services.GetService<IExerciseNameVectors>());
        Assert.DoesNotContain(services.GetServices<IHostedService>(), s => s is VectorIndexBuilder or LocalModelLoader);
        Assert.Equal(EmbeddingProviders.None, services.GetRequiredService<IOptions<EmbeddingsOptions>>().Value.ResolvedProvider);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", ModelId)]
    [InlineData("http://localhost:11434/v1", " ")]
    public async Task AddKnowledge_ByDefault_ServesHybridSearchWithTheLocalModel_AndItsShippedVectors(string? endpoint, string? id)
    {
        await using var provider = Services(Configuration(endpoint, id)).BuildServiceProvider();

        var search = Assert.IsType<HybridKnowledgeSearch>(provider.GetRequiredService<IKnowledgeSearch>());
        var embedder = Assert.IsType<LocalTextEmbedder>(provider.GetRequiredService<ITextEmbedder>());
        Assert.Same(embedder, provider.GetRequiredService<IBatchTextEmbedder>());
        Assert.Same(LocalSentenceModel.Shared, embedder.Model);
        Assert.IsType<ExerciseNameVectors>(provider.GetRequiredService<IExerciseNameVectors>());
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is LocalModelLoader);
        Assert.Equal(EmbeddingsOptions.DefaultLocalMinSimilarity, provider.GetRequiredService<IOptions<EmbeddingsOptions>>().Value.EffectiveMinSimilarity);

        // The shipped vectors cover the shipped corpus, so the index is ready without a single model call.
        await search.VectorIndex.BuildAsync(Cancel);
        var report = search.VectorIndex.LastBuild!;
        Assert.True(search.VectorIndexReady);
        Assert.Equal(0, report.Embedded);
        Assert.Equal(report.Entries, report.Reused);
        Assert.Equal(search.VectorIndex.DocumentCount + search.VectorIndex.ExtraTextCount, report.Entries);
        Assert.Null(report.WrittenTo);

        await LocalModel.ReadyAsync(Cancel);
        var hybrid = await search.SearchAsync("how do I get bigger arms", "hypertrophy", 3, Cancel);
        Assert.NotEmpty(hybrid);
        Assert.Equal(1, embedder.CachedCount);
    }

    [Theory]
    [InlineData("bert", "'local', 'openai' or 'none', not 'bert'")]
    [InlineData("openai", "Embeddings:Provider 'openai' needs Embeddings:Endpoint and Embeddings:Id")]
    public async Task AddKnowledge_WithAnUnusableProvider_FailsValidationWithAClearMessage(string provider, string message)
    {
        await using var services = Services(Configuration(null, null, ("Embeddings:Provider", provider))).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmbeddingsOptions>>().Value);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Null(services.GetService<ITextEmbedder>());
    }

    [Fact]
    public async Task AddKnowledge_WithEmbeddings_ServesHybridSearch_AndBuildsTheVectorIndexInTheBackground()
    {
        var services = Services(Configuration(_server.Endpoint.ToString(), ModelId, ("Embeddings:Key", "sk-live")));
        await using var provider = services.BuildServiceProvider();
        var search = Assert.IsType<HybridKnowledgeSearch>(provider.GetRequiredService<IKnowledgeSearch>());
        Assert.Same(search, provider.GetRequiredKeyedService<IKnowledgeSearch>(KnowledgeRegistration.LocalSearchKey));
        Assert.Single(services, d => d.ServiceType == typeof(IKnowledgeSearch) && d.IsKeyedService);
        var embedder = Assert.IsType<OpenAITextEmbedder>(provider.GetRequiredService<ITextEmbedder>());
        Assert.Same(embedder, provider.GetRequiredService<IBatchTextEmbedder>());
        Assert.Equal(ModelId, embedder.ModelId);
        Assert.Equal(TimeSpan.FromSeconds(5), provider.GetRequiredService<IOptions<EmbeddingsOptions>>().Value.Timeout);

        // Starting does not wait for the model: the server holds every answer back for a while.
        _server.Delay = TimeSpan.FromMilliseconds(500);
        var builder = Assert.Single(provider.GetServices<IHostedService>().OfType<VectorIndexBuilder>());
        await builder.StartAsync(Cancel);
        Assert.False(search.VectorIndexReady);
        var before = await search.SearchAsync("how do I get bigger arms", "hypertrophy", 3, Cancel);
        Assert.NotEmpty(before);
        var building = await new KnowledgeHealthCheck(search, provider).CheckHealthAsync(new HealthCheckContext(), Cancel);
        Assert.Equal(HealthStatus.Healthy, building.Status); // BM25 answers meanwhile: normal at startup, not degraded
        Assert.Contains("BM25 alone until then", building.Description, StringComparison.Ordinal);

        _server.Delay = TimeSpan.Zero;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!search.VectorIndexReady)
        {
            Assert.True(DateTime.UtcNow < deadline, "The vector index was not built within a minute.");
            await Task.Delay(50, Cancel);
        }

        await builder.StopAsync(Cancel);
        var ready = await new KnowledgeHealthCheck(search, provider).CheckHealthAsync(new HealthCheckContext(), Cancel);
        Assert.EndsWith("vector index ready", ready.Description, StringComparison.Ordinal);
        Assert.Equal("Ready", ready.Data["vectorIndex"]);
        var documents = provider.GetRequiredService<KnowledgeCorpus>().Documents.Count;
        var texts = documents + search.VectorIndex.ExtraTextCount; // the catalog's exercise names are embedded too
        var requests = _server.Requests.ToList();
        Assert.Equal((texts + DocumentVectorIndex.DefaultBatchSize - 1) / DocumentVectorIndex.DefaultBatchSize, requests.Count);
        Assert.All(requests, r =>
        {
            Assert.Equal(ModelId, r.Model);
            Assert.Equal("Bearer sk-live", r.Authorization);
            Assert.InRange(r.Inputs.Count, 1, DocumentVectorIndex.DefaultBatchSize);
        });
        Assert.Equal(texts, requests.Sum(r => r.Inputs.Count));
        Assert.Equal(documents, search.VectorIndex.EmbeddedCount);

        var after = await search.SearchAsync("how do I get bigger arms", "hypertrophy", 3, Cancel);
        Assert.NotEmpty(after);
        Assert.All(after, p => Assert.InRange(p.Score, 0.0, 1.0));
        Assert.Contains(_server.Requests, r => r.Inputs.SequenceEqual(["how do I get bigger arms"]));
    }

    [Theory]
    [InlineData("localhost:11434/v1", "00:00:05", null)]
    [InlineData("ftp://models.example/v1", "00:00:05", null)]
    [InlineData("http://localhost:11434/v1", "00:00:00", null)]
    [InlineData("http://localhost:11434/v1", "00:00:05", "0")]
    public async Task AddKnowledge_RefusesAnUnusableEmbeddingsSection(string endpoint, string timeout, string? dimensions)
    {
        var configuration = Configuration(endpoint, ModelId, ("Embeddings:Timeout", timeout), ("Embeddings:Dimensions", dimensions));
        await using var provider = Services(configuration).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ITextEmbedder>());
    }

    [Fact]
    public void AddTextEmbeddings_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        var configuration = Configuration("http://localhost:11434/v1", "nomic-embed-text");

        services.AddTextEmbeddings(configuration).AddTextEmbeddings(configuration);

        Assert.Single(services, d => d.ServiceType == typeof(ITextEmbedder));
        Assert.Single(services, d => d.ServiceType == typeof(OpenAITextEmbedder));
    }

    private static ServiceCollection Services(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IAppMetrics>(new RecordingMetrics());
        services.AddSingleton<IExerciseCatalog>(JsonExerciseCatalog.LoadEmbedded());
        services.AddKnowledge(configuration);
        return services;
    }

    private static IConfiguration Configuration(string? endpoint, string? id, params (string Key, string? Value)[] extra) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?> { ["Embeddings:Endpoint"] = endpoint, ["Embeddings:Id"] = id }
                    .Concat(extra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value))))
            .Build();
}
