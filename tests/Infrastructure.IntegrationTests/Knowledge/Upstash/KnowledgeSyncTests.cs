using System.Text.Json.Nodes;
using FitCoach.Infrastructure.Catalog;
using FitCoach.Infrastructure.Knowledge.Corpus;
using FitCoach.Infrastructure.Knowledge.Upstash;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Upstash;

/// <summary>The sync against a loopback Upstash: only differences are written, and a second run writes nothing.</summary>
public sealed class KnowledgeSyncTests : IAsyncLifetime
{
    private FakeUpstashSearchServer _server = null!;
    private UpstashSearchClient _client = null!;
    private readonly StringWriter _output = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeUpstashSearchServer.StartAsync(Cancel);
        _client = new UpstashSearchClient(_server.Options());
    }

    public async ValueTask DisposeAsync()
    {
        _server.AssertWireFormatKept();
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Sync_TheWholeCorpus_UpsertsEverythingTheFirstTime_AndNothingTheSecond()
    {
        var corpus = KnowledgeCorpus.Load(JsonExerciseCatalog.LoadEmbedded().All);
        var chunks = KnowledgeChunker.Chunk(corpus.Documents);

        var first = await SyncAsync(corpus);

        Assert.Equal(chunks.Count, first.Upserted);
        Assert.Equal(chunks.Count, _server.UpsertedDocuments);
        Assert.Equal(0, first.Unchanged);
        Assert.Equal(corpus.Namespaces.Order(StringComparer.Ordinal).Select(ns => "fitcoach-" + ns), _server.IndexNames);
        Assert.All(_server.Requests.Where(r => r.Endpoint == "upsert-data"), r => Assert.InRange(((JsonArray)r.Json!).Count, 1, 100));
        Assert.Equal(corpus.Documents.Count(d => d.Namespace == "recovery"), _server.Index("fitcoach-recovery").Values
            .Select(d => (string)d["metadata"]!["documentId"]!).Distinct().Count());

        _server.ClearRequests();
        _output.GetStringBuilder().Clear();
        var second = await SyncAsync(corpus);

        Assert.Equal(0, second.Upserted);
        Assert.Equal(0, second.Deleted);
        Assert.Equal(chunks.Count, second.Unchanged);
        Assert.Equal(0, _server.Writes);
        var recovery = second.Namespaces.Single(n => n.Namespace == "recovery");
        Assert.Contains($"recovery: {recovery.Chunks} chunks, 0 upserted, 0 deleted, {recovery.Chunks} unchanged", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"Synced {corpus.Documents.Count:N0} documents as {chunks.Count:N0} chunks in {corpus.Namespaces.Count()} indexes: 0 upserted, 0 deleted", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_AfterADocumentChanges_ReupsertsExactlyThatDocumentsChunks()
    {
        await SyncAsync(UpstashTestCorpus.Create());
        _server.ClearRequests();

        var changed = UpstashTestCorpus.PlateauGuide() with { Title = "Breaking a strength plateau in 4 steps" };
        var report = await SyncAsync(UpstashTestCorpus.Create(UpstashTestCorpus.ProgressiveOverload(), changed, UpstashTestCorpus.Sleep()));

        var expected = KnowledgeChunker.Chunk(changed).Select(c => c.Id).ToList();
        Assert.True(expected.Count > 1);
        Assert.Equal(expected, _server.UpsertedIds);
        Assert.Equal(expected.Count, report.Upserted);
        Assert.Equal(0, report.Deleted);
        Assert.All(expected, id => Assert.Equal("Breaking a strength plateau in 4 steps", (string?)_server.Index("fitcoach-strength-training")[id]["content"]!["title"]));
        Assert.Contains($"strength-training: {expected.Count + 1} chunks, {expected.Count} upserted, 0 deleted, 1 unchanged", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("recovery: 1 chunks, 0 upserted, 0 deleted, 1 unchanged", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_WhenADocumentGetsShorter_DeletesItsStaleChunks_WithoutPrune()
    {
        await SyncAsync(UpstashTestCorpus.Create(UpstashTestCorpus.PlateauGuide(sentences: 60)));
        var before = _server.Index("fitcoach-strength-training").Count;
        _server.ClearRequests();

        var shorter = UpstashTestCorpus.PlateauGuide(sentences: 5);
        var report = await SyncAsync(UpstashTestCorpus.Create(shorter));

        var now = KnowledgeChunker.Chunk(shorter).Select(c => c.Id).ToList();
        Assert.Equal(now, _server.Index("fitcoach-strength-training").Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before - now.Count, report.Deleted);
        Assert.True(report.Deleted > 0);
        var delete = Assert.Single(_server.Requests, r => r.Endpoint == "delete");
        Assert.Equal(report.Deleted, ((JsonArray)delete.Json!["ids"]!).Count);
    }

    [Fact]
    public async Task Sync_ARemovedDocument_IsKeptWithoutPrune_AndDeletedWithPrune()
    {
        await SyncAsync(UpstashTestCorpus.Create());
        var guideChunks = KnowledgeChunker.Chunk(UpstashTestCorpus.PlateauGuide()).Count;
        var withoutGuide = UpstashTestCorpus.Create(UpstashTestCorpus.ProgressiveOverload(), UpstashTestCorpus.Sleep());

        var kept = await SyncAsync(withoutGuide);

        Assert.Equal(0, kept.Deleted);
        Assert.Equal(guideChunks, kept.StaleKept);
        Assert.Equal(1 + guideChunks, _server.Index("fitcoach-strength-training").Count);
        Assert.Contains($"strength-training: 1 chunks, 0 upserted, 0 deleted, 1 unchanged, {guideChunks} stale kept (--prune deletes them)", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("rerun with --prune to delete them", _output.ToString(), StringComparison.Ordinal);

        var pruned = await SyncAsync(withoutGuide, new KnowledgeSyncOptions(Prune: true));

        Assert.Equal(guideChunks, pruned.Deleted);
        Assert.Equal(["strength-training/progressive-overload#0"], _server.Index("fitcoach-strength-training").Keys);
        Assert.Single(_server.Index("fitcoach-recovery"));
    }

    [Fact]
    public async Task Sync_WithPrune_EmptiesOurIndexesWhoseNamespaceLeftTheCorpus_AndLeavesOtherAppsIndexesAlone()
    {
        _server.Seed("fitcoach-old-namespace", "old/doc#0", new { title = "Old", heading = "", text = "gone" }, new { documentId = "old/doc", contentHash = "x" });
        _server.Seed("other-app-index", "theirs#0", new { title = "Theirs", heading = "", text = "keep" }, new { documentId = "theirs", contentHash = "y" });

        var kept = await SyncAsync(UpstashTestCorpus.Create());

        Assert.Single(_server.Index("fitcoach-old-namespace"));
        Assert.Contains("old-namespace: 0 chunks, 0 upserted, 0 deleted, 0 unchanged, 1 stale kept", _output.ToString(), StringComparison.Ordinal);

        var pruned = await SyncAsync(UpstashTestCorpus.Create(), new KnowledgeSyncOptions(Prune: true));

        Assert.Equal(1, pruned.Deleted);
        Assert.Empty(_server.Index("fitcoach-old-namespace"));
        Assert.Single(_server.Index("other-app-index"));
        Assert.Equal(0, kept.Deleted);
    }

    [Fact]
    public async Task Sync_DryRun_ReportsTheDifference_AndWritesNothing()
    {
        var corpus = UpstashTestCorpus.Create();

        var report = await SyncAsync(corpus, new KnowledgeSyncOptions(DryRun: true));

        Assert.Equal(KnowledgeChunker.Chunk(corpus.Documents).Count, report.Upserted);
        Assert.True(report.DryRun);
        Assert.Equal(0, _server.Writes);
        Assert.Empty(_server.IndexNames);
        Assert.Contains("recovery: 1 chunks, 1 to upsert, 0 to delete, 0 unchanged", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Dry run, nothing written:", _output.ToString(), StringComparison.Ordinal);

        await SyncAsync(corpus);
        _server.ClearRequests();
        var shrunk = UpstashTestCorpus.Create(UpstashTestCorpus.ProgressiveOverload(), UpstashTestCorpus.PlateauGuide(sentences: 3), UpstashTestCorpus.Sleep("Naps help too."));

        var dry = await SyncAsync(shrunk, new KnowledgeSyncOptions(DryRun: true, Prune: true));

        Assert.True(dry.Upserted > 0);
        Assert.True(dry.Deleted > 0);
        Assert.Equal(0, _server.Writes);
    }

    [Fact]
    public async Task Sync_WhenUpstashAnswersAnError_FailsWithUpstashsMessage()
    {
        _server.FailWith = (400, "Index write limit exceeded");

        var ex = await Assert.ThrowsAsync<UpstashSearchException>(() => SyncAsync(UpstashTestCorpus.Create()));

        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("Index write limit exceeded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_RetriesCallsThatFailInTheNetwork()
    {
        _server.DropNextRequests(3);

        var report = await SyncAsync(UpstashTestCorpus.Create());

        Assert.Equal(KnowledgeChunker.Chunk(UpstashTestCorpus.Create().Documents).Count, report.Upserted);
        Assert.Equal(3, _server.Requests.Count(r => r.Endpoint == "info") - 1);
    }

    private Task<KnowledgeSyncReport> SyncAsync(KnowledgeCorpus corpus, KnowledgeSyncOptions? options = null) =>
        new KnowledgeSync(_client, _server.Options(), _output).RunAsync(corpus, options ?? new KnowledgeSyncOptions(), Cancel);
}
