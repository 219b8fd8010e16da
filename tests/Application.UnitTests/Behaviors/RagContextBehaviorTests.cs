using FitCoach.Application.Common.Behaviors;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Rag;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Xunit;

namespace FitCoach.Application.UnitTests.Behaviors;

/// <summary>The RAG behavior and the retriever it shares with the coach, over a search that answers per namespace.</summary>
public sealed class RagContextBehaviorTests
{
    private readonly PerNamespaceSearch _search = new();
    private readonly IAppMetrics _metrics = Substitute.For<IAppMetrics>();
    private readonly RagContext _context = new();

    private KnowledgeRetriever Retriever(IKnowledgeSearch? search = null) =>
        new(search ?? _search, new TopicNamespaceRouter(), _metrics, NullLogger<KnowledgeRetriever>.Instance);

    private Task<string> Send(RagTestQuery query, Func<string>? handler = null) =>
        new RagContextBehavior<RagTestQuery, string>(Retriever(), _context)
            .Handle(query, TestContext.Current.CancellationToken, () => Task.FromResult((handler ?? (() => "ok"))()));

    private static KnowledgePassage Passage(string ns, string id, double score) => new(ns, id, id, $"snippet {id}", score);

    [Fact]
    public async Task Handle_WhenPortReturnsPassages_InjectsTheBestAcrossNamespacesBeforeTheHandlerRuns()
    {
        _search.Answers["nutrition"] = [Passage("nutrition", "n1", 4.0), Passage("nutrition", "n2", 1.0)];
        _search.Answers["recovery"] = [Passage("recovery", "r1", 3.0), Passage("recovery", "r2", 2.0)];
        IReadOnlyList<KnowledgePassage>? seenByHandler = null;

        await Send(new RagTestQuery("how much protein", ["nutrition", "recovery"]), () =>
        {
            seenByHandler = [.. _context.Passages];
            return "ok";
        });

        Assert.Equal(["n1", "r1", "r2"], seenByHandler!.Select(p => p.Id));
        Assert.Equal(["nutrition", "recovery"], _context.SearchedNamespaces);
        _metrics.Received(1).RagRetrieval("nutrition", "test", Arg.Any<TimeSpan>());
        _metrics.Received(1).RagRetrieval("recovery", "test", Arg.Any<TimeSpan>());
    }

    [Fact]
    public async Task Handle_WhenNoNamespacesGiven_LetsTheRouterChooseFromTheQuestion()
    {
        await Send(new RagTestQuery("my knee hurts when I squat", []));

        Assert.Contains("injury-analysis", _context.SearchedNamespaces);
        Assert.Contains("squat-technique", _context.SearchedNamespaces);
        Assert.InRange(_context.SearchedNamespaces.Count, 10, 15);
    }

    [Fact]
    public async Task Handle_WhenOneNamespaceFails_KeepsTheOthers_AndStillTimesIt()
    {
        _search.Failing.Add("a");
        _search.Answers["b"] = [Passage("b", "b1", 1.0)];

        Assert.Equal("ok", await Send(new RagTestQuery("q", ["a", "b"])));

        Assert.Equal("b1", Assert.Single(_context.Passages).Id);
        _metrics.Received(1).RagRetrieval("a", "test", Arg.Any<TimeSpan>());
    }

    [Fact]
    public async Task Handle_WhenRequestIsNotRagAware_LeavesTheContextEmpty()
    {
        var behavior = new RagContextBehavior<PlainCommand, string>(Retriever(), _context);

        await behavior.Handle(new PlainCommand("x"), TestContext.Current.CancellationToken, () => Task.FromResult("ok"));

        Assert.False(_context.Retrieved);
        Assert.Equal(0, _search.Calls);
    }

    [Fact]
    public async Task Retrieve_WithASearchThatMergesItself_UsesItsOnePass_AndTimesEveryNamespace()
    {
        var merging = new MergingSearch();

        var retrieved = await Retriever(merging).RetrieveAsync("how much protein", ["nutrition", "recovery"], 3, TestContext.Current.CancellationToken);

        Assert.Equal(["n1"], retrieved.Passages.Select(p => p.Id));
        Assert.Equal(1, merging.ManyCalls);
        _metrics.Received(1).RagRetrieval("nutrition", "embedded", TimeSpan.FromMilliseconds(0.1));
        _metrics.Received(1).RagRetrieval("recovery", "embedded", TimeSpan.FromMilliseconds(0.1));
    }

    /// <summary>A search with the port's default multi-namespace behaviour: one call per namespace.</summary>
    private sealed class PerNamespaceSearch : IKnowledgeSearch
    {
        public Dictionary<string, IReadOnlyList<KnowledgePassage>> Answers { get; } = [];

        public HashSet<string> Failing { get; } = [];

        public int Calls { get; private set; }

        public string Provider => "test";

        public int DocumentCount => 10;

        public Task<IReadOnlyList<KnowledgePassage>> SearchAsync(string query, string knowledgeNamespace, int topK, CancellationToken cancellationToken)
        {
            Calls++;
            return Failing.Contains(knowledgeNamespace)
                ? Task.FromException<IReadOnlyList<KnowledgePassage>>(new HttpRequestException("down"))
                : Task.FromResult(Answers.GetValueOrDefault(knowledgeNamespace) ?? []);
        }
    }

    /// <summary>A search that overrides the multi-namespace search with one pass of its own (as the in-process index does).</summary>
    private sealed class MergingSearch : IKnowledgeSearch
    {
        public int ManyCalls { get; private set; }

        public string Provider => "embedded";

        public int DocumentCount => 10;

        public Task<IReadOnlyList<KnowledgePassage>> SearchAsync(string query, string knowledgeNamespace, int topK, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The one-pass search should be used.");

        public Task<IReadOnlyList<KnowledgePassage>> SearchManyAsync(
            string query, IReadOnlyList<string> namespaces, int topK, Action<string, TimeSpan, Exception?> searched, CancellationToken cancellationToken)
        {
            ManyCalls++;
            foreach (var ns in namespaces)
            {
                searched(ns, TimeSpan.FromMilliseconds(0.1), null);
            }

            return Task.FromResult<IReadOnlyList<KnowledgePassage>>([Passage("nutrition", "n1", 0.7)]);
        }
    }
}
