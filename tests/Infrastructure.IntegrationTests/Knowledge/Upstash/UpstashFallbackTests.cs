using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Health;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Knowledge;
using FitCoach.Infrastructure.Knowledge.Corpus;
using FitCoach.Infrastructure.Knowledge.Upstash;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Upstash;

/// <summary>
/// Upstash first, within its deadline, the embedded index whenever Upstash is slow, down or failing; a failure skips
/// Upstash for 30 s; /health's knowledge check reports the degradation.
/// </summary>
public sealed class UpstashFallbackTests : IAsyncLifetime
{
    private const string Query = "how much sleep do I need for muscle recovery";
    private static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// For the tests in which Upstash must answer: on a loaded CI machine the fake server can take longer than
    /// <see cref="Deadline"/>, which would turn an answer into a fallback by chance.
    /// </summary>
    private static readonly TimeSpan Unhurried = TimeSpan.FromSeconds(10);

    private readonly KnowledgeCorpus _corpus = UpstashTestCorpus.Create();
    private readonly ManualTimeProvider _time = new();
    private readonly RecordingLogger<FallbackKnowledgeSearch> _logger = new();
    private FakeUpstashSearchServer _server = null!;
    private UpstashSearchClient _client = null!;
    private EmbeddedKnowledgeIndex _embedded = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeUpstashSearchServer.StartAsync(Cancel);
        _client = new UpstashSearchClient(_server.Options(Deadline));
        _embedded = UpstashTestCorpus.Embedded(_corpus);
        await new KnowledgeSync(_client, _server.Options(Deadline), TextWriter.Null).RunAsync(_corpus, new KnowledgeSyncOptions(), Cancel);
        _server.ClearRequests();
    }

    public async ValueTask DisposeAsync()
    {
        _server.AssertWireFormatKept();
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Search_WhenUpstashAnswers_UsesUpstash_AndHealthIsHealthy()
    {
        var search = Fallback(_client, Unhurried);

        var passages = await search.SearchAsync(Query, UpstashTestCorpus.Recovery, 3, Cancel);

        var passage = Assert.Single(passages);
        Assert.Equal("recovery/sleep-and-recovery", passage.Id);
        Assert.Single(_server.Requests, r => r.Endpoint == "search");
        Assert.Equal("upstash", search.Provider);
        Assert.Equal(_embedded.DocumentCount, search.DocumentCount);
        var health = await CheckAsync(search);
        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal($"upstash: {_corpus.Documents.Count} documents", health.Description);
        Assert.Equal("upstash", health.Data["provider"]);
        Assert.Equal(_corpus.Documents.Count, health.Data["documents"]);
    }

    [Fact]
    public async Task Search_WhenUpstashIsSlowerThanTheDeadline_AnswersFromTheEmbeddedIndexWithinIt_AndSkipsUpstashAfterwards()
    {
        _server.Delay = TimeSpan.FromSeconds(10);
        var search = Fallback(_client);
        var expected = await _embedded.SearchAsync(Query, UpstashTestCorpus.Recovery, 3, Cancel);

        var watch = Stopwatch.StartNew();
        var passages = await search.SearchAsync(Query, UpstashTestCorpus.Recovery, 3, Cancel);
        var first = watch.Elapsed;

        Assert.NotEmpty(expected);
        Assert.Equal(expected, passages);
        Assert.True(first >= Deadline * 0.9 && first < TimeSpan.FromSeconds(3), $"answered after {first.TotalMilliseconds} ms");
        Assert.Equal("upstash->embedded", search.Provider);
        Assert.True(search.State.IsDegraded);
        Assert.Contains("no answer within 300 ms", search.State.LastError, StringComparison.Ordinal);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("skipping the primary for 30 s", StringComparison.Ordinal));

        watch.Restart();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(expected, await search.SearchAsync(Query, UpstashTestCorpus.Recovery, 3, Cancel));
        }

        Assert.True(watch.Elapsed < Deadline, $"five skipped searches took {watch.Elapsed.TotalMilliseconds} ms");
        Assert.Single(_server.Requests, r => r.Endpoint == "search");

        var health = await CheckAsync(search);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Equal("Upstash unreachable: answering from the embedded index.", health.Description);
        Assert.Equal("upstash->embedded", health.Data["provider"]);
        Assert.Equal(_corpus.Documents.Count, health.Data["documents"]);
    }

    [Fact]
    public async Task Search_WhenUpstashIsUnreachable_AnswersFromTheEmbeddedIndex_AndHealthIsDegraded()
    {
        var options = new UpstashSearchOptions { Url = $"http://127.0.0.1:{ClosedPort()}", Token = FakeUpstashSearchServer.Token, Deadline = Deadline };
        using var unreachable = new UpstashSearchClient(options);
        var search = Fallback(unreachable);

        var watch = Stopwatch.StartNew();
        var passages = await search.SearchAsync(Query, UpstashTestCorpus.Recovery, 3, Cancel);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"answered after {watch.Elapsed.TotalMilliseconds} ms");
        Assert.Equal(await _embedded.SearchAsync(Query, UpstashTestCorpus.Recovery, 3, Cancel), passages);
        Assert.Contains("could not reach", search.State.LastError, StringComparison.Ordinal);
        var health = await CheckAsync(search);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.StartsWith("Upstash unreachable: answering from the embedded index", health.Description, StringComparison.Ordinal);
        Assert.IsType<UpstashSearchException>(health.Exception);
    }

    [Fact]
    public async Task Search_IsNotRetried_WhenTheNetworkFails_TheEmbeddedIndexAnswersAtOnce()
    {
        _server.DropNextRequests(1);
        var search = Fallback(_client);

        var passages = await search.SearchAsync(Query, UpstashTestCorpus.Recovery, 3, Cancel);

        Assert.Equal(await _embedded.SearchAsync(Query, UpstashTestCorpus.Recovery, 3, Cancel), passages);
        Assert.Single(_server.Requests, r => r.Endpoint == "search");
        Assert.True(search.State.IsDegraded);
    }

    [Fact]
    public async Task Search_AfterTheBreak_TriesUpstashAgain_AndRecovers()
    {
        _server.FailWith = (500, "Internal error");
        var search = Fallback(_client, Unhurried);

        await search.SearchAsync(Query, UpstashTestCorpus.Recovery, 3, Cancel);
        _time.Advance(TimeSpan.FromSeconds(29));
        await search.SearchAsync(Query, UpstashTestCorpus.Recovery, 3, Cancel);

        Assert.Single(_server.Requests, r => r.Endpoint == "search");
        Assert.Contains("failed with HTTP 500: Internal error", search.State.LastError, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromSeconds(2));
        await search.SearchAsync(Query, UpstashTestCorpus.Recovery, 3, Cancel);

        Assert.Equal(2, _server.Requests.Count(r => r.Endpoint == "search"));
        Assert.True(search.State.IsDegraded); // failed again: another break
        Assert.Equal(_time.GetUtcNow() + FallbackKnowledgeSearch.BreakDuration, search.State.RetryAt);

        _server.FailWith = null;
        _time.Advance(TimeSpan.FromSeconds(31));
        var passages = await search.SearchAsync(Query, UpstashTestCorpus.Recovery, 3, Cancel);

        Assert.Equal(3, _server.Requests.Count(r => r.Endpoint == "search"));
        Assert.Equal("recovery/sleep-and-recovery", Assert.Single(passages).Id);
        Assert.False(search.State.IsDegraded);
        Assert.Equal("upstash", search.Provider);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(search)).Status);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("answers again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_WhenTheNamespaceWasNeverSynced_AnswersFromTheEmbeddedIndex_WithoutOpeningTheCircuit()
    {
        var search = Fallback(_client);

        var passages = await search.SearchAsync("tempo squats", "squat-technique", 3, Cancel);
        await search.SearchAsync("tempo squats", "squat-technique", 3, Cancel);

        Assert.Empty(passages); // the embedded test corpus has no such namespace either
        Assert.Equal(2, _server.Requests.Count(r => r.Endpoint == "search"));
        Assert.False(search.State.IsDegraded);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Run `knowledge sync`", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_WhenTheCallerCancels_NeitherFallsBackNorOpensTheCircuit()
    {
        _server.Delay = TimeSpan.FromSeconds(10);
        var search = new FallbackKnowledgeSearch(new UpstashKnowledgeSearch(_client, _server.Options(), 3), _embedded, TimeSpan.FromSeconds(5), _time, _logger);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        caller.CancelAfter(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => search.SearchAsync(Query, UpstashTestCorpus.Recovery, 3, caller.Token));

        Assert.False(search.State.IsDegraded);
    }

    private FallbackKnowledgeSearch Fallback(UpstashSearchClient client, TimeSpan? deadline = null) =>
        new(new UpstashKnowledgeSearch(client, _server.Options(deadline ?? Deadline), _corpus.Documents.Count), _embedded, deadline ?? Deadline, _time, _logger);

    private static Task<HealthCheckResult> CheckAsync(IKnowledgeSearch search) =>
        new KnowledgeHealthCheck(search, new ServiceCollection().BuildServiceProvider()).CheckHealthAsync(new HealthCheckContext(), Cancel);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
