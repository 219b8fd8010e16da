using FitCoach.Application.Common.Rag;
using Xunit;

namespace FitCoach.Application.UnitTests.Common;

public sealed class TopicNamespaceRouterTests
{
    private readonly TopicNamespaceRouter _router = new();

    [Theory]
    [InlineData("How much protein should I eat to build muscle?", "nutrition")]
    [InlineData("What pace should my zone 2 runs be?", "running-cardio")]
    [InlineData("I keep failing my bench lockout", "sticking-points")]
    [InlineData("Is a deload week necessary?", "fatigue-management")]
    [InlineData("Should I use RPE or percentages?", "autoregulation")]
    public void Choose_WhenQuestionNamesATopic_IncludesItsNamespace(string question, string expected) =>
        Assert.Contains(expected, _router.Choose(question));

    [Fact]
    public void Choose_WhenQuestionHasNoTopicWord_StillSearchesTenGeneralNamespaces()
    {
        var chosen = _router.Choose("hello there");

        Assert.Equal(10, chosen.Count);
        Assert.Contains("training-fundamentals", chosen);
        Assert.All(chosen, ns => Assert.Contains(ns, KnowledgeNamespaces.All));
    }

    [Fact]
    public void Choose_NeverReturnsMoreThanFifteenOrDuplicates()
    {
        var chosen = _router.Choose("my knee hurts when I run and squat, what protein, sleep and deload program with rpe for powerlifting snatch crossfit stretch?");

        Assert.InRange(chosen.Count, 10, 15);
        Assert.Equal(chosen.Count, chosen.Distinct().Count());
    }
}
