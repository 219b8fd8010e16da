using FitCoach.Infrastructure.Knowledge.Hybrid;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Hybrid;

/// <summary>The fusion function on fixed ranks: Σ 1 / (60 + rank), divided by the best possible, 2 / 61.</summary>
public sealed class ReciprocalRankFusionTests
{
    private const double Best = 2.0 / 61;

    [Fact]
    public void Fuse_SumsReciprocalRanksWithKSixty_AndNormalisesByTheBestPossible()
    {
        var fused = ReciprocalRankFusion.Fuse([["a", "b", "c"], ["b", "d"]]);

        Assert.Equal(["b", "a", "d", "c"], fused.Select(f => f.Id));
        Assert.Equal(((1.0 / 62) + (1.0 / 61)) / Best, fused[0].Score, 12);
        Assert.Equal((1.0 / 61) / Best, fused[1].Score, 12);
        Assert.Equal((1.0 / 62) / Best, fused[2].Score, 12);
        Assert.Equal((1.0 / 63) / Best, fused[3].Score, 12);
        Assert.Equal([2, 1], fused[0].Ranks);
        Assert.Equal([0, 2], fused[2].Ranks);
    }

    [Fact]
    public void Fuse_ADocumentFirstInBothRankings_ComesFirstWithScoreOne()
    {
        var fused = ReciprocalRankFusion.Fuse([["x", "a", "b"], ["x", "b", "a"]]);

        Assert.Equal("x", fused[0].Id);
        Assert.Equal(1.0, fused[0].Score, 12);
        Assert.All(fused.Skip(1), f => Assert.True(f.Score < 1.0));
    }

    [Fact]
    public void Fuse_ADocumentOnlyTheVectorsFoundFirst_IsKept_AboveLowerLexicalOnlyDocuments()
    {
        var fused = ReciprocalRankFusion.Fuse([["a", "b", "c"], ["z", "a"]]);

        Assert.Equal(["a", "z", "b", "c"], fused.Select(f => f.Id));
        Assert.Equal(0.5, fused[1].Score, 12);
        Assert.Equal([0, 1], fused[1].Ranks);
    }

    [Fact]
    public void Fuse_BreaksEqualScoresByBestRank_ThenByTheEarlierRanking_ThenById()
    {
        var fused = ReciprocalRankFusion.Fuse([["lex1", "lex2"], ["vec1", "vec2"]]);

        Assert.Equal(["lex1", "vec1", "lex2", "vec2"], fused.Select(f => f.Id));
        Assert.Equal(fused[0].Score, fused[1].Score);
    }

    [Fact]
    public void Fuse_ScoresLieInZeroToOne_ForAnyDepth()
    {
        var lexical = Enumerable.Range(1, 200).Select(i => $"d{i}").ToList();
        var semantic = Enumerable.Range(1, 200).Select(i => $"d{201 - i}").ToList();

        var fused = ReciprocalRankFusion.Fuse([lexical, semantic]);

        Assert.Equal(200, fused.Count);
        Assert.All(fused, f => Assert.InRange(f.Score, double.Epsilon, 1.0));
    }

    [Fact]
    public void Fuse_WithOneOrNoRankings_KeepsTheOrderOrReturnsNothing()
    {
        Assert.Empty(ReciprocalRankFusion.Fuse([]));
        Assert.Empty(ReciprocalRankFusion.Fuse([[], []]));

        var single = ReciprocalRankFusion.Fuse([["a", "b"]]);
        Assert.Equal(["a", "b"], single.Select(f => f.Id));
        Assert.Equal(1.0, single[0].Score, 12);
    }

    [Fact]
    public void Fuse_CountsOnlyTheFirstOccurrenceOfAnIdInARanking()
    {
        var fused = ReciprocalRankFusion.Fuse([["a", "a", "b"], ["b"]]);

        Assert.Equal([3, 1], fused.Single(f => f.Id == "b").Ranks);
        Assert.Equal((1.0 / 61) / Best, fused.Single(f => f.Id == "a").Score, 12);
    }
}
