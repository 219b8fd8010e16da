using FitCoach.Infrastructure.Knowledge.Upstash;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Upstash;

/// <summary>Our Upstash Search client and knowledge adapter against a loopback server that checks the wire format.</summary>
public sealed class UpstashKnowledgeSearchTests : IAsyncLifetime
{
    private const string Index = "fitcoach-strength-training";

    private FakeUpstashSearchServer _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await FakeUpstashSearchServer.StartAsync(Cancel);

    public async ValueTask DisposeAsync()
    {
        _server.AssertWireFormatKept();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task SearchAsync_MapsHitsToPassages_KeepingEachDocumentsBestChunk()
    {
        SeedChunk("strength-training/deadlift#0", "Deadlift technique", "Setup", "Stand with the bar over mid-foot. Grip just outside the knees.");
        SeedChunk("strength-training/deadlift#1", "Deadlift technique", "Lockout", "Drive the hips through to lock out the deadlift. Keep the bar close to the legs through the lockout so the hips finish the lift.");
        SeedChunk("strength-training/bench#0", "Bench press technique", "", "Lower the bar to the chest and press it back up; keep the hips down.");
        SeedChunk("strength-training/squat#0", "Squat depth", "", "Sit down between the heels.");
        using var client = new UpstashSearchClient(_server.Options());
        var search = new UpstashKnowledgeSearch(client, _server.Options(), documentCount: 3);

        var passages = await search.SearchAsync("deadlift lockout hips", "strength-training", 2, Cancel);

        Assert.Collection(
            passages,
            deadlift =>
            {
                Assert.Equal("strength-training", deadlift.Namespace);
                Assert.Equal("strength-training/deadlift", deadlift.Id);
                Assert.Equal("Deadlift technique", deadlift.Title);
                Assert.Equal(1.0, deadlift.Score);
                Assert.StartsWith("Drive the hips through to lock out the deadlift.", deadlift.Text, StringComparison.Ordinal);
                Assert.StartsWith("Drive the hips through to lock out the deadlift.", deadlift.Snippet, StringComparison.Ordinal);
                Assert.True(deadlift.Snippet.Length <= 300);
                Assert.Equal(["Source for strength-training/deadlift"], deadlift.References);
            },
            bench =>
            {
                Assert.Equal("strength-training/bench", bench.Id);
                Assert.Equal(0.3333, bench.Score);
                Assert.Equal("Lower the bar to the chest and press it back up; keep the hips down.", bench.Text);
            });
        var request = Assert.Single(_server.Requests);
        Assert.Equal($"/search/{Index}", request.RawTarget);
        Assert.Equal("deadlift lockout hips", (string?)request.Json!["query"]);
        Assert.Equal(6, (int)request.Json!["topK"]!);
        Assert.False((bool)request.Json!["inputEnrichment"]!);
        Assert.True((bool)request.Json!["includeData"]!);
        Assert.True((bool)request.Json!["includeMetadata"]!);
    }

    [Fact]
    public async Task SearchAsync_CutsTheSnippetToTheSentencesClosestToTheQuery()
    {
        var filler = string.Join(' ', Enumerable.Repeat("Warm up with the empty bar and add plates gradually.", 8));
        SeedChunk("strength-training/long#0", "Long chunk", "", $"{filler} Creatine monohydrate at 3 to 5 grams a day raises strength. {filler}");
        using var client = new UpstashSearchClient(_server.Options());
        var search = new UpstashKnowledgeSearch(client, _server.Options(), documentCount: 1);

        var passage = Assert.Single(await search.SearchAsync("how much creatine per day", "strength-training", 3, Cancel));

        Assert.StartsWith("Creatine monohydrate at 3 to 5 grams a day raises strength.", passage.Snippet, StringComparison.Ordinal);
        Assert.True(passage.Snippet.Length <= 300, passage.Snippet);
        Assert.Contains(filler, passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_WithNothingToSearch_DoesNotCallUpstash()
    {
        using var client = new UpstashSearchClient(_server.Options());
        var search = new UpstashKnowledgeSearch(client, _server.Options(), documentCount: 1);

        Assert.Empty(await search.SearchAsync("   ", "strength-training", 5, Cancel));
        Assert.Empty(await search.SearchAsync("deadlift", "strength-training", 0, Cancel));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task SearchAsync_AnErrorBody_SurfacesUpstashsMessageAndStatus()
    {
        _server.FailWith = (401, "Unauthorized: Invalid auth token");
        using var client = new UpstashSearchClient(_server.Options());
        var search = new UpstashKnowledgeSearch(client, _server.Options(), documentCount: 1);

        var ex = await Assert.ThrowsAsync<UpstashSearchException>(() => search.SearchAsync("deadlift", "strength-training", 3, Cancel));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("Unauthorized: Invalid auth token", ex.UpstashError);
        Assert.Equal($"Upstash Search search on index '{Index}' failed with HTTP 401: Unauthorized: Invalid auth token", ex.Message);
    }

    [Fact]
    public async Task Client_ANonJsonErrorBody_IsQuotedInTheMessage()
    {
        _server.FailWithRawBody = (502, "<html><body>502 Bad Gateway</body></html>\n");
        using var client = new UpstashSearchClient(_server.Options());

        var ex = await Assert.ThrowsAsync<UpstashSearchException>(() => client.InfoAsync(Cancel));

        Assert.Equal(502, ex.StatusCode);
        Assert.Null(ex.UpstashError);
        Assert.Equal("Upstash Search info failed with HTTP 502: <html><body>502 Bad Gateway</body></html>", ex.Message);
    }

    [Fact]
    public async Task Client_EscapesIndexNames_AndStripsTheBaseUrlsTrailingSlash()
    {
        using var client = new UpstashSearchClient(_server.Options());

        await client.UpsertAsync("odd index/name", [new("a#0", new("T", "", "text"), new("a", "ns", "T", [], "hash"))], Cancel);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/upsert-data/odd%20index%2Fname", request.RawTarget);
        Assert.EndsWith("/", _server.Options().Url!, StringComparison.Ordinal);
        Assert.Equal(_server.Url.ToString().TrimEnd('/'), client.BaseUrl);
    }

    [Fact]
    public async Task Client_RefusesBatchesOverOneHundred()
    {
        using var client = new UpstashSearchClient(_server.Options());
        var documents = Enumerable.Range(0, 101).Select(i => new UpstashUpsertDocument($"d#{i}", new("T", "", "x"), new("d", "ns", "T", [], "h"))).ToList();

        await Assert.ThrowsAsync<ArgumentException>(() => client.UpsertAsync(Index, documents, Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => client.DeleteAsync(Index, [.. documents.Select(d => d.Id)], Cancel));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Client_ListAll_FollowsRangeCursorsToTheEnd()
    {
        for (var i = 0; i < 1234; i++)
        {
            _server.Seed(Index, $"doc-{i:D4}#0", new { title = "t", heading = "", text = "x" }, new { documentId = $"doc-{i:D4}", contentHash = $"h{i}" });
        }

        using var client = new UpstashSearchClient(_server.Options());

        var all = await client.ListAllAsync(Index, Cancel);

        Assert.Equal(1234, all.Count);
        Assert.Equal("h1233", all[^1].Metadata!.ContentHash);
        Assert.Equal(["0", "500", "1000"], _server.Requests.Select(r => (string)r.Json!["cursor"]!));
    }

    [Fact]
    public void Client_WithoutUrlOrToken_Refuses()
    {
        Assert.Throws<InvalidOperationException>(() => new UpstashSearchClient(new UpstashSearchOptions { Url = "https://x.upstash.io" }));
        Assert.Throws<InvalidOperationException>(() => new UpstashSearchClient(new UpstashSearchOptions { Token = "t" }));
    }

    private void SeedChunk(string id, string title, string heading, string text)
    {
        var documentId = id[..id.LastIndexOf('#')];
        _server.Seed(
            Index,
            id,
            new { title, heading, text },
            new { documentId, @namespace = "strength-training", title, sources = new[] { $"Source for {documentId}" }, contentHash = "h" });
    }
}
