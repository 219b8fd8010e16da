using FitCoach.Application.Common.Behaviors;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Rag;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Xunit;

namespace FitCoach.Application.UnitTests.Behaviors;

public sealed class RagContextBehaviorTests
{
    private readonly IKnowledgeSearch _search = Substitute.For<IKnowledgeSearch>();
    private readonly IAppMetrics _metrics = Substitute.For<IAppMetrics>();
    private readonly RagContext _context = new();

    public RagContextBehaviorTests() => _search.Provider.Returns("test");

    private Task<string> Send(RagTestQuery query, Func<string>? handler = null) =>
        new RagContextBehavior<RagTestQuery, string>(_search, new TopicNamespaceRouter(), _context, _metrics, NullLogger<RagContextBehavior<RagTestQuery, string>>.Instance)
            .Handle(query, TestContext.Current.CancellationToken, () => Task.FromResult((handler ?? (() => "ok"))()));

    private static KnowledgePassage Passage(string ns, string id, double score) => new(ns, id, id, $"snippet {id}", score);

    [Fact]
    public async Task Handle_WhenPortReturnsPassages_InjectsTheBestAcrossNamespacesBeforeTheHandlerRuns()
    {
        _search.SearchAsync("how much protein", "nutrition", 3, Arg.Any<CancellationToken>())
            .Returns([Passage("nutrition", "n1", 4.0), Passage("nutrition", "n2", 1.0)]);
        _search.SearchAsync("how much protein", "recovery", 3, Arg.Any<CancellationToken>())
            .Returns([Passage("recovery", "r1", 3.0), Passage("recovery", "r2", 2.0)]);
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
        _search.SearchAsync(default!, default!, default, default).ReturnsForAnyArgs([]);

        await Send(new RagTestQuery("my knee hurts when I squat", []));

        Assert.Contains("injury-analysis", _context.SearchedNamespaces);
        Assert.Contains("squat-technique", _context.SearchedNamespaces);
        Assert.InRange(_context.SearchedNamespaces.Count, 10, 15);
    }

    [Fact]
    public async Task Handle_WhenOneNamespaceFails_KeepsTheOthers()
    {
        _search.SearchAsync("q", "a", 3, Arg.Any<CancellationToken>()).ThrowsAsync(new HttpRequestException("down"));
        _search.SearchAsync("q", "b", 3, Arg.Any<CancellationToken>()).Returns([Passage("b", "b1", 1.0)]);

        Assert.Equal("ok", await Send(new RagTestQuery("q", ["a", "b"])));

        Assert.Equal("b1", Assert.Single(_context.Passages).Id);
    }

    [Fact]
    public async Task Handle_WhenRequestIsNotRagAware_LeavesTheContextEmpty()
    {
        var behavior = new RagContextBehavior<PlainCommand, string>(_search, new TopicNamespaceRouter(), _context, _metrics, NullLogger<RagContextBehavior<PlainCommand, string>>.Instance);

        await behavior.Handle(new PlainCommand("x"), TestContext.Current.CancellationToken, () => Task.FromResult("ok"));

        Assert.False(_context.Retrieved);
        await _search.DidNotReceiveWithAnyArgs().SearchAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task Handle_WithAMergingSearch_SearchesOnce_AndStillTimesEveryNamespace()
    {
        var search = Substitute.For<IKnowledgeSearch, IMergingKnowledgeSearch>();
        search.Provider.Returns("embedded");
        ((IMergingKnowledgeSearch)search).SearchMerged("how much protein", Arg.Any<IReadOnlyList<string>>(), 3, Arg.Any<Action<string, TimeSpan>>())
            .Returns(call =>
            {
                var report = call.Arg<Action<string, TimeSpan>>();
                foreach (var ns in call.Arg<IReadOnlyList<string>>())
                {
                    report(ns, TimeSpan.FromMilliseconds(0.1));
                }

                return [Passage("nutrition", "n1", 0.7)];
            });
        var behavior = new RagContextBehavior<RagTestQuery, string>(search, new TopicNamespaceRouter(), _context, _metrics, NullLogger<RagContextBehavior<RagTestQuery, string>>.Instance);

        await behavior.Handle(new RagTestQuery("how much protein", ["nutrition", "recovery"]), TestContext.Current.CancellationToken, () => Task.FromResult("ok"));

        Assert.Equal(["n1"], _context.Passages.Select(p => p.Id));
        await search.DidNotReceiveWithAnyArgs().SearchAsync(default!, default!, default, default);
        _metrics.Received(1).RagRetrieval("nutrition", "embedded", TimeSpan.FromMilliseconds(0.1));
        _metrics.Received(1).RagRetrieval("recovery", "embedded", TimeSpan.FromMilliseconds(0.1));
    }
}
