using System.Net;
using System.Net.Sockets;
using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Knowledge;
using FitCoach.Infrastructure.Knowledge.Hybrid;
using FitCoach.Infrastructure.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Hybrid;

/// <summary>
/// Hybrid retrieval over <see cref="HybridTestCorpus"/> with the loopback embedding server: the batched index build, the
/// fused rankings, and BM25 alone whenever the vectors cannot answer.
/// </summary>
public sealed class HybridKnowledgeSearchTests : IAsyncLifetime
{
    private const string ModelId = "fake-embed-1";
    private const string ArmsQuestion = "how do I get bigger arms";
    private const int TopK = 5;

    private readonly RecordingMetrics _metrics = new();
    private readonly RecordingLogger<HybridKnowledgeSearch> _searchLog = new();
    private readonly RecordingLogger<DocumentVectorIndex> _indexLog = new();
    private readonly List<IDisposable> _disposables = [];
    private FakeEmbeddingServer _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await FakeEmbeddingServer.StartAsync(Cancel);

    public async ValueTask DisposeAsync()
    {
        _disposables.ForEach(d => d.Dispose());
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task BuildAsync_EmbedsTheCorpusInBatches_WithTheConfiguredModelAndBearerKey()
    {
        var rig = CreateRig(batchSize: 4);
        Assert.Equal(VectorIndexState.NotStarted, rig.Vectors.State);

        await rig.Vectors.BuildAsync(Cancel);

        var requests = _server.Requests.ToList();
        Assert.Equal([4, 4, 2], requests.Select(r => r.Inputs.Count));
        Assert.All(requests, r =>
        {
            Assert.Equal("/v1/embeddings", r.Path);
            Assert.Equal(ModelId, r.Model);
            Assert.Equal("Bearer sk-test", r.Authorization);
        });
        Assert.Equal(HybridTestCorpus.Documents.Select(DocumentVectorIndex.DocumentText), requests.SelectMany(r => r.Inputs));
        Assert.StartsWith("Elbow flexor growth\nflexors, curls\nCurls through", requests[0].Inputs[0], StringComparison.Ordinal);
        Assert.Equal(VectorIndexState.Ready, rig.Vectors.State);
        Assert.Equal(HybridTestCorpus.Documents.Count, rig.Vectors.EmbeddedCount);
        Assert.Equal(FakeSemantics.Dimensions, rig.Vectors.Dimensions);
        Assert.Equal(3, _metrics.ModelCalls.Count(c => c == ("embedding", ModelId, "ok")));
    }

    [Fact]
    public async Task Search_FindsADocumentThatSharesNoWordWithTheQuestion_WhichBm25AloneMisses()
    {
        var rig = await ReadyRigAsync();

        var lexical = await rig.Lexical.SearchAsync(ArmsQuestion, HybridTestCorpus.Training, TopK, Cancel);
        var hybrid = await rig.Hybrid.SearchAsync(ArmsQuestion, HybridTestCorpus.Training, TopK, Cancel);

        Assert.Contains(lexical, p => p.Id == HybridTestCorpus.ArmDayWarmUp);
        Assert.DoesNotContain(lexical, p => p.Id == HybridTestCorpus.FlexorGrowth);
        var found = Assert.Single(hybrid, p => p.Id == HybridTestCorpus.FlexorGrowth);
        Assert.Contains(hybrid.Take(2), p => p.Id == HybridTestCorpus.FlexorGrowth);
        Assert.Contains(hybrid, p => p.Id == HybridTestCorpus.ArmDayWarmUp);

        // A document only the vectors found is shown as BM25 shows documents: its first section and sentence.
        Assert.Equal("Elbow flexor growth", found.Title);
        Assert.StartsWith("Curls through a full range load the elbow flexors.", found.Snippet, StringComparison.Ordinal);
        Assert.Contains("Curls through a full range", found.Text, StringComparison.Ordinal);
        Assert.Equal(["Test source for training/elbow-flexor-growth."], found.References);
        Assert.Equal(HybridTestCorpus.Training, found.Namespace);
    }

    [Fact]
    public async Task SearchMany_FusesOnceOverAllTheNamespaces_AndIsBm25sMergeUntilTheVectorsAreReady()
    {
        var rig = CreateRig();
        string[] namespaces = [HybridTestCorpus.Training, HybridTestCorpus.Recovery, HybridTestCorpus.Nutrition];

        var lexical = await rig.Lexical.SearchManyAsync(ArmsQuestion, namespaces, TopK, (_, _, _) => { }, Cancel);
        var before = await rig.Hybrid.SearchManyAsync(ArmsQuestion, namespaces, TopK, (_, _, _) => { }, Cancel);
        await rig.Vectors.BuildAsync(Cancel);
        var searched = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var after = await rig.Hybrid.SearchManyAsync(ArmsQuestion, namespaces, TopK, (ns, _, error) =>
        {
            Assert.Null(error);
            searched.Enqueue(ns);
        }, Cancel);

        Assert.Equal(lexical.Select(p => (p.Id, p.Score)), before.Select(p => (p.Id, p.Score)));
        Assert.DoesNotContain(lexical, p => p.Id == HybridTestCorpus.FlexorGrowth);
        Assert.Contains(after.Take(2), p => p.Id == HybridTestCorpus.FlexorGrowth);
        Assert.Equal(after.Count, after.Select(p => p.Id).Distinct().Count());
        Assert.Equal(after.OrderByDescending(p => p.Score).Select(p => p.Id), after.Select(p => p.Id));
        Assert.All(after, p => Assert.InRange(p.Score, 0.0, 1.0));
        Assert.Equal(namespaces.Order(), searched.Order());
    }

    [Fact]
    public async Task Search_PutsADocumentBothRankingsPutFirst_FirstWithTheFullScore()
    {
        var rig = await ReadyRigAsync();
        const string Question = "deadlift setup and hinge technique";

        var lexical = await rig.Lexical.SearchAsync(Question, HybridTestCorpus.Training, TopK, Cancel);
        var hybrid = await rig.Hybrid.SearchAsync(Question, HybridTestCorpus.Training, TopK, Cancel);

        Assert.Equal(HybridTestCorpus.DeadliftSetup, lexical[0].Id);
        Assert.Equal(HybridTestCorpus.DeadliftSetup, hybrid[0].Id);
        Assert.Equal(1.0, hybrid[0].Score);
        Assert.Equal(lexical[0].Snippet, hybrid[0].Snippet);
        Assert.Equal(lexical[0].Text, hybrid[0].Text);
    }

    [Fact]
    public async Task Search_ScoresLieInZeroToOne_BestFirst_AtMostTopK_InTheAskedNamespace()
    {
        var rig = await ReadyRigAsync();

        foreach (var ns in new[] { HybridTestCorpus.Training, HybridTestCorpus.Recovery, HybridTestCorpus.Nutrition })
        {
            var hybrid = await rig.Hybrid.SearchAsync("training sets sleep protein arms", ns, 2, Cancel);

            Assert.InRange(hybrid.Count, 1, 2);
            Assert.All(hybrid, p =>
            {
                Assert.InRange(p.Score, 0.0, 1.0);
                Assert.Equal(ns, p.Namespace);
            });
            Assert.Equal(hybrid.OrderByDescending(p => p.Score).Select(p => p.Id), hybrid.Select(p => p.Id));
        }

        Assert.Equal("hybrid", rig.Hybrid.Provider);
        Assert.Equal(HybridTestCorpus.Documents.Count, rig.Hybrid.DocumentCount);
        Assert.True(rig.Hybrid.VectorIndexReady);
    }

    [Fact]
    public async Task Search_AnOffTopicQuestion_GetsNoPassagesFromVectorsEither()
    {
        var rig = await ReadyRigAsync();

        var hybrid = await rig.Hybrid.SearchAsync("quantum chromodynamics lattice", HybridTestCorpus.Training, TopK, Cancel);

        Assert.Empty(hybrid);
        Assert.Contains(_server.Requests, r => r.Inputs.SequenceEqual(["quantum chromodynamics lattice"]));
    }

    [Fact]
    public async Task Search_WhileTheEmbeddingServerIsDown_AnswersWithBm25Alone()
    {
        var rig = CreateRig(endpoint: new Uri($"http://127.0.0.1:{UnusedLoopbackPort()}/v1"), firstRetryDelay: TimeSpan.FromMilliseconds(50));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var build = rig.Vectors.BuildAsync(stop.Token);
        await WaitUntilAsync(() => _metrics.ModelCalls.Count >= 2);

        await AssertAnswersLikeBm25Async(rig, ArmsQuestion, HybridTestCorpus.Training);
        await AssertAnswersLikeBm25Async(rig, "deadlift setup", HybridTestCorpus.Training);
        Assert.False(rig.Vectors.IsReady);
        Assert.Equal(VectorIndexState.Building, rig.Vectors.State);
        Assert.All(_metrics.ModelCalls, c => Assert.Equal(("embedding", ModelId, "error"), c));
        Assert.Single(_indexLog.Entries, e => e.Level == LogLevel.Warning);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => build);
    }

    [Fact]
    public async Task Search_WhenEmbeddingTheQuestionFails_AnswersWithBm25Alone_WarningOncePerBurst()
    {
        var rig = await ReadyRigAsync();
        _server.FailWithStatus = 500;

        await AssertAnswersLikeBm25Async(rig, ArmsQuestion, HybridTestCorpus.Training);
        await AssertAnswersLikeBm25Async(rig, "sleep", HybridTestCorpus.Recovery);
        await AssertAnswersLikeBm25Async(rig, ArmsQuestion, HybridTestCorpus.Training);

        Assert.Single(_searchLog.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal(3, _metrics.ModelCalls.Count(c => c.Outcome == "error"));

        _server.FailWithStatus = null;
        var recovered = await rig.Hybrid.SearchAsync(ArmsQuestion, HybridTestCorpus.Training, TopK, Cancel);
        Assert.Contains(recovered, p => p.Id == HybridTestCorpus.FlexorGrowth);
        Assert.Single(_searchLog.Entries, e => e.Level == LogLevel.Information);

        _server.FailWithStatus = 503;
        await AssertAnswersLikeBm25Async(rig, "deadlift setup", HybridTestCorpus.Training);
        Assert.Equal(2, _searchLog.Entries.Count(e => e.Level == LogLevel.Warning));
    }

    [Fact]
    public async Task Search_WhenEmbeddingTheQuestionTimesOut_AnswersWithBm25Alone()
    {
        var rig = await ReadyRigAsync(timeout: TimeSpan.FromMilliseconds(250));
        _server.Delay = TimeSpan.FromSeconds(10);

        await AssertAnswersLikeBm25Async(rig, ArmsQuestion, HybridTestCorpus.Training);

        Assert.Contains(("embedding", ModelId, "timeout"), _metrics.ModelCalls);
    }

    [Fact]
    public async Task BuildAsync_RetriesAFailingBatch_AndTurnsHybridOnWhenTheServerRecovers()
    {
        var rig = CreateRig(batchSize: 4, firstRetryDelay: TimeSpan.FromMilliseconds(50));
        _server.FailWithStatus = 503;
        var build = rig.Vectors.BuildAsync(Cancel);
        await WaitUntilAsync(() => _server.Requests.Count >= 3);

        Assert.False(rig.Vectors.IsReady);
        await AssertAnswersLikeBm25Async(rig, ArmsQuestion, HybridTestCorpus.Training);

        _server.FailWithStatus = null;
        await build.WaitAsync(TimeSpan.FromSeconds(30), Cancel);

        Assert.True(rig.Vectors.IsReady);
        Assert.Same(build, rig.Vectors.BuildAsync(Cancel));
        Assert.Single(_indexLog.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains(_indexLog.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("ready", StringComparison.Ordinal));
        var hybrid = await rig.Hybrid.SearchAsync(ArmsQuestion, HybridTestCorpus.Training, TopK, Cancel);
        Assert.Contains(hybrid, p => p.Id == HybridTestCorpus.FlexorGrowth);
    }

    [Fact]
    public void Bm25Passage_ForADocumentId_MatchesWhatSearchGives_AndIsNullForAnUnknownId()
    {
        var rig = CreateRig();
        var index = rig.Lexical.Index;

        var searched = index.Search("deadlift setup", HybridTestCorpus.Training, 1)[0];
        var byId = index.Passage(HybridTestCorpus.DeadliftSetup, "deadlift setup");

        Assert.Equal(searched, byId);
        Assert.Null(index.Passage("training/no-such-document", "deadlift"));
        Assert.Equal(0.0, index.Passage(HybridTestCorpus.SleepQuality, "deadlift")!.Score);
    }

    private async Task AssertAnswersLikeBm25Async(Rig rig, string question, string ns)
    {
        var lexical = await rig.Lexical.SearchAsync(question, ns, TopK, Cancel);
        var hybrid = await rig.Hybrid.SearchAsync(question, ns, TopK, Cancel);

        Assert.NotEmpty(lexical);
        Assert.Equal(lexical.Select(p => (p.Id, p.Score)), hybrid.Select(p => (p.Id, p.Score)));
    }

    private async Task<Rig> ReadyRigAsync(TimeSpan? timeout = null)
    {
        var rig = CreateRig(timeout: timeout);
        await rig.Vectors.BuildAsync(Cancel);
        return rig;
    }

    private Rig CreateRig(Uri? endpoint = null, TimeSpan? timeout = null, int batchSize = DocumentVectorIndex.DefaultBatchSize, TimeSpan? firstRetryDelay = null)
    {
        var embedder = new OpenAITextEmbedder(
            Options.Create(new EmbeddingsOptions
            {
                Endpoint = (endpoint ?? _server.Endpoint).ToString(),
                Key = "sk-test",
                Id = ModelId,
                Timeout = timeout ?? TimeSpan.FromSeconds(5),
            }),
            _metrics);
        _disposables.Add(embedder);
        var lexical = new EmbeddedKnowledgeIndex(new Bm25Index(HybridTestCorpus.Documents, new TextAnalyzer()));
        var vectors = new DocumentVectorIndex(HybridTestCorpus.Documents, embedder, _indexLog, batchSize, firstRetryDelay);
        var hybrid = new HybridKnowledgeSearch(lexical, vectors, embedder, (float)EmbeddingsOptions.DefaultHostedMinSimilarity, _searchLog);
        return new Rig(lexical, vectors, hybrid);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the condition.");
            await Task.Delay(20, Cancel);
        }
    }

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Rig(EmbeddedKnowledgeIndex Lexical, DocumentVectorIndex Vectors, HybridKnowledgeSearch Hybrid);
}
