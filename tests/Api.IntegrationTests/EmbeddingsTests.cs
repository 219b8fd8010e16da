using FitCoach.Api.Commands;
using FitCoach.Infrastructure.Knowledge.Hybrid;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

/// <summary>The embedding provider as the API runs it: local by default, shown on <c>/health</c>, chosen by configuration.</summary>
public sealed class EmbeddingsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_OnDefaults_ShowsTheLocalModel()
    {
        await factory.WaitUntilHybridAsync();

        var health = await (await factory.CreateClient().GetAsync("/health", Cancel)).JsonAsync();

        var embeddings = health.GetProperty("checks").GetProperty("embeddings");
        Assert.Equal("Healthy", embeddings.GetProperty("status").GetString());
        var description = embeddings.GetProperty("description").GetString()!;
        Assert.StartsWith("local all-MiniLM-L6-v2 (384 dimensions, in process), loaded in ", description, StringComparison.Ordinal);
        Assert.Contains("corpus vectors ready", description, StringComparison.Ordinal);
        Assert.StartsWith("hybrid: ", health.GetProperty("checks").GetProperty("knowledge").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_WithProviderNone_SaysRetrievalIsBm25Alone()
    {
        using var api = new ConfiguredApiFactory(new Dictionary<string, string?> { ["Embeddings:Provider"] = "none" });

        var health = await (await api.CreateClient().GetAsync("/health", Cancel)).JsonAsync();

        var embeddings = health.GetProperty("checks").GetProperty("embeddings");
        Assert.Equal("Healthy", embeddings.GetProperty("status").GetString());
        Assert.StartsWith("none: ", embeddings.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("embedded: ", health.GetProperty("checks").GetProperty("knowledge").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("minilm", "Embeddings:Provider must be 'local', 'openai' or 'none', not 'minilm'")]
    [InlineData("openai", "Embeddings:Provider 'openai' needs Embeddings:Endpoint and Embeddings:Id")]
    public void Startup_WithAnUnusableProvider_FailsNamingTheSetting(string provider, string message)
    {
        using var api = new ConfiguredApiFactory(new Dictionary<string, string?> { ["Embeddings:Provider"] = provider });

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains(message, Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VectorsCommand_WithAnOutputFile_ReusesTheShippedVectors_AndSaysWhatItDid()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"fitcoach-vectors-{Guid.NewGuid():N}");
        var path = Path.Combine(directory, "vectors.fcvec");
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            var code = await KnowledgeVectorsCommand.RunAsync(
                ["knowledge", "vectors", "--out", path], new ConfigurationBuilder().Build(), directory, output, error, Cancel);

            Assert.True(code == KnowledgeVectorsCommand.Success, error.ToString());
            var text = output.ToString();
            Assert.Contains("Corpus vectors for all-MiniLM-L6-v2: ", text, StringComparison.Ordinal);
            Assert.Contains(" unchanged, 0 embedded, 0 removed; wrote ", text, StringComparison.Ordinal);
            await using var stream = File.OpenRead(path);
            Assert.Equal(CorpusVectorStore.Shipped("all-MiniLM-L6-v2")!.Count, CorpusVectorFile.Read(stream).Count);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData(new[] { "knowledge", "vectors", "--purge" }, null, "unknown arguments --purge")]
    [InlineData(new[] { "knowledge", "vectors" }, "none", "no embedding model to run")]
    public async Task VectorsCommand_WithBadArgumentsOrNoModel_ExplainsAndChangesNothing(string[] args, string? provider, string message)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Embeddings:Provider"] = provider })
            .Build();

        var code = await KnowledgeVectorsCommand.RunAsync(args, configuration, Path.GetTempPath(), output, error, Cancel);

        Assert.Equal(KnowledgeVectorsCommand.Usage, code);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
        Assert.True(KnowledgeVectorsCommand.IsInvoked(["knowledge", "vectors"]));
        Assert.False(KnowledgeVectorsCommand.IsInvoked(["knowledge", "sync"]));
    }

    private static string Messages(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(i => i.Message));
            }
        }

        return string.Join(" | ", messages);
    }
}
