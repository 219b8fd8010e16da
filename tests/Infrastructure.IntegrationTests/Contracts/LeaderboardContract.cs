using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.IntegrationTests.Support;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

/// <summary>What every <see cref="ILeaderboard"/> must do; the order is Redis ZREVRANGE's, for both stores.</summary>
public abstract class LeaderboardContract : PortContract<ILeaderboard>
{
    protected ILeaderboard Leaderboard => Port;

    [Fact]
    public async Task IncrementAsync_AddsToTheScoreStartingFromZero()
    {
        var board = TestData.NewId("volume");

        await Leaderboard.IncrementAsync(board, "ana", 1500.5, null, Cancel);
        await Leaderboard.IncrementAsync(board, "ana", 250, null, Cancel);
        await Leaderboard.IncrementAsync(board, "ben", -20, null, Cancel);

        var page = await Leaderboard.GetTopAsync(board, 10, null, Cancel);
        Assert.Equal([new LeaderboardEntry(1, "ana", 1750.5), new LeaderboardEntry(2, "ben", -20)], page.Entries);
    }

    [Fact]
    public async Task SetIfHigherAsync_KeepsOnlyABetterScore()
    {
        var board = TestData.NewId("squat-1rm");

        await Leaderboard.SetIfHigherAsync(board, "ana", 100, null, Cancel);
        await Leaderboard.SetIfHigherAsync(board, "ana", 90, null, Cancel);
        await Leaderboard.SetIfHigherAsync(board, "ben", 80, null, Cancel);
        await Leaderboard.SetIfHigherAsync(board, "ben", 120, null, Cancel);

        var page = await Leaderboard.GetTopAsync(board, 10, null, Cancel);
        Assert.Equal([new LeaderboardEntry(1, "ben", 120), new LeaderboardEntry(2, "ana", 100)], page.Entries);
    }

    [Fact]
    public async Task SetAsync_ReplacesTheScoreEvenWithALowerOne()
    {
        var board = TestData.NewId("streak");

        await Leaderboard.SetAsync(board, "ana", 12, null, Cancel);
        await Leaderboard.SetAsync(board, "ana", 0, null, Cancel);

        var page = await Leaderboard.GetTopAsync(board, 10, "ana", Cancel);
        Assert.Equal([new LeaderboardEntry(1, "ana", 0)], page.Entries);
        Assert.Equal(new LeaderboardEntry(1, "ana", 0), page.Me);
    }

    [Fact]
    public async Task GetTopAsync_ReturnsTheTopEntriesRankedFromOne()
    {
        var board = TestData.NewId("volume");
        foreach (var (user, score) in new[] { ("a", 10.0), ("b", 40.0), ("c", 30.0), ("d", 20.0) })
        {
            await Leaderboard.SetAsync(board, user, score, null, Cancel);
        }

        var page = await Leaderboard.GetTopAsync(board, 3, null, Cancel);

        Assert.Equal(
            [new LeaderboardEntry(1, "b", 40), new LeaderboardEntry(2, "c", 30), new LeaderboardEntry(3, "d", 20)],
            page.Entries);
        Assert.Null(page.Me);
    }

    [Fact]
    public async Task GetTopAsync_WithEqualScores_OrdersLikeRedisByDescendingUserIdBytes()
    {
        var board = TestData.NewId("volume");

        // Upper case sorts before lower case in bytes; U+1F600 (a surrogate pair in UTF-16) sorts after U+E000 in
        // UTF-8, the opposite of an ordinal UTF-16 comparison.
        string[] users = ["alice", "Bob", "carol", "\uE000", "\U0001F600", "al"];
        foreach (var user in users)
        {
            await Leaderboard.SetAsync(board, user, 50, null, Cancel);
        }

        await Leaderboard.SetAsync(board, "zed", 10, null, Cancel);

        var page = await Leaderboard.GetTopAsync(board, 10, null, Cancel);

        Assert.Equal(
            ["\U0001F600", "\uE000", "carol", "alice", "al", "Bob", "zed"],
            page.Entries.Select(e => e.UserId));
        Assert.Equal(Enumerable.Range(1, 7), page.Entries.Select(e => e.Rank));
    }

    [Fact]
    public async Task GetTopAsync_ForACallerBelowTheTop_IncludesTheirRankAndScore()
    {
        var board = TestData.NewId("volume");
        for (var i = 1; i <= 5; i++)
        {
            await Leaderboard.SetAsync(board, $"user{i}", i * 100, null, Cancel);
        }

        var page = await Leaderboard.GetTopAsync(board, 2, "user2", Cancel);

        Assert.Equal(["user5", "user4"], page.Entries.Select(e => e.UserId));
        Assert.Equal(new LeaderboardEntry(4, "user2", 200), page.Me);
    }

    [Fact]
    public async Task GetTopAsync_ForACallerInTheTop_GivesTheSameEntryAsMe()
    {
        var board = TestData.NewId("volume");
        await Leaderboard.SetAsync(board, "ana", 3, null, Cancel);
        await Leaderboard.SetAsync(board, "ben", 2, null, Cancel);

        var page = await Leaderboard.GetTopAsync(board, 10, "ben", Cancel);

        Assert.Equal(page.Entries[1], page.Me);
    }

    [Fact]
    public async Task GetTopAsync_ForACallerWithoutAScore_HasNoMe()
    {
        var board = TestData.NewId("volume");
        await Leaderboard.SetAsync(board, "ana", 3, null, Cancel);

        var page = await Leaderboard.GetTopAsync(board, 10, "nobody", Cancel);

        Assert.Single(page.Entries);
        Assert.Null(page.Me);
    }

    [Fact]
    public async Task GetTopAsync_WithAZeroLimit_ReturnsOnlyTheCaller()
    {
        var board = TestData.NewId("volume");
        await Leaderboard.SetAsync(board, "ana", 3, null, Cancel);
        await Leaderboard.SetAsync(board, "ben", 2, null, Cancel);

        var page = await Leaderboard.GetTopAsync(board, 0, "ben", Cancel);

        Assert.Empty(page.Entries);
        Assert.Equal(new LeaderboardEntry(2, "ben", 2), page.Me);
    }

    [Fact]
    public async Task GetTopAsync_ForAnUnknownBoard_IsEmpty()
    {
        var page = await Leaderboard.GetTopAsync(TestData.NewId("nothing"), 10, "ana", Cancel);

        Assert.Empty(page.Entries);
        Assert.Null(page.Me);
    }

    [Fact]
    public async Task Writes_WithAnExpiry_LetTheBoardExpireAfterTheLatestWrite()
    {
        var board = TestData.NewId("volume:week");
        // Margins of several hundred milliseconds: a loaded two-core CI machine can oversleep a delay noticeably.
        var expiry = TimeSpan.FromMilliseconds(2000);

        await Leaderboard.IncrementAsync(board, "ana", 5, expiry, Cancel);
        await Task.Delay(TimeSpan.FromMilliseconds(1200), Cancel);
        await Leaderboard.SetIfHigherAsync(board, "ben", 7, expiry, Cancel);
        await Task.Delay(TimeSpan.FromMilliseconds(1200), Cancel);

        // 2.4 s after the first write, but only 1.2 s after the latest: still there.
        Assert.Equal(2, (await Leaderboard.GetTopAsync(board, 10, null, Cancel)).Entries.Count);

        await Task.Delay(TimeSpan.FromMilliseconds(1500), Cancel);
        Assert.Empty((await Leaderboard.GetTopAsync(board, 10, null, Cancel)).Entries);
    }

    [Fact]
    public async Task Writes_WithAnInvalidScoreOrExpiry_Throw()
    {
        var board = TestData.NewId("volume");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Leaderboard.SetAsync(board, "ana", double.NaN, null, Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Leaderboard.IncrementAsync(board, "ana", 1, TimeSpan.Zero, Cancel));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Leaderboard.GetTopAsync(board, -1, null, Cancel));
    }

    [Fact]
    public async Task WriteAsync_AppliesEveryWriteAcrossBoards_AndRepeatingItChangesNothing()
    {
        var volume = TestData.NewId("volume");
        var e1rm = TestData.NewId("e1rm");
        LeaderboardWrite[] writes =
        [
            new(volume, "ana", 1500, LeaderboardWriteMode.Set, TimeSpan.FromDays(1)),
            new(volume, "ben", 900, LeaderboardWriteMode.Set, null),
            new(e1rm, "ana", 140, LeaderboardWriteMode.SetIfHigher, null),
        ];
        await Leaderboard.SetIfHigherAsync(e1rm, "ana", 150, null, Cancel);

        await Leaderboard.WriteAsync(writes, Cancel);
        await Leaderboard.WriteAsync(writes, Cancel);

        Assert.Equal([new LeaderboardEntry(1, "ana", 1500), new LeaderboardEntry(2, "ben", 900)], (await Leaderboard.GetTopAsync(volume, 10, null, Cancel)).Entries);
        Assert.Equal([new LeaderboardEntry(1, "ana", 150)], (await Leaderboard.GetTopAsync(e1rm, 10, null, Cancel)).Entries);
    }

    [Fact]
    public async Task GetTopAsync_GivesEachEntryAndMeTheDisplayNameSetForItsUser()
    {
        // The names live once per user across every board (one Redis hash), so these users are fresh to this test.
        var board = TestData.NewId("volume");
        var (ana, ben, cyd) = (TestData.NewId("p_ana"), TestData.NewId("p_ben"), TestData.NewId("p_cyd"));
        await Leaderboard.SetAsync(board, ana, 30, null, Cancel);
        await Leaderboard.SetAsync(board, ben, 20, null, Cancel);
        await Leaderboard.SetAsync(board, cyd, 10, null, Cancel);
        await Leaderboard.SetDisplayNameAsync(ana, "Ana P", Cancel);
        await Leaderboard.SetDisplayNameAsync(cyd, "Zoë 山田", Cancel);

        var page = await Leaderboard.GetTopAsync(board, 2, cyd, Cancel);

        Assert.Equal([new LeaderboardEntry(1, ana, 30, "Ana P"), new LeaderboardEntry(2, ben, 20)], page.Entries);
        Assert.Equal(new LeaderboardEntry(3, cyd, 10, "Zoë 山田"), page.Me);
    }

    [Fact]
    public async Task SetDisplayNameAsync_ReplacesTheName_AndNullOrEmptyClearsIt_OnEveryBoard()
    {
        var (week, all) = (TestData.NewId("volume:week"), TestData.NewId("volume:all"));
        var (ana, ben) = (TestData.NewId("p_ana"), TestData.NewId("p_ben"));
        await Leaderboard.WriteAsync([new(week, ana, 5, LeaderboardWriteMode.Set, null), new(all, ana, 50, LeaderboardWriteMode.Set, null), new(all, ben, 40, LeaderboardWriteMode.Set, null)], Cancel);

        await Leaderboard.SetDisplayNameAsync(ana, "First", Cancel);
        await Leaderboard.SetDisplayNameAsync(ana, "Second", Cancel);
        await Leaderboard.SetDisplayNameAsync(ana, "Second", Cancel);
        await Leaderboard.SetDisplayNameAsync(ben, "Ben", Cancel);
        var named = (await Leaderboard.GetTopAsync(week, 10, null, Cancel)).Entries.Single();
        await Leaderboard.SetDisplayNameAsync(ana, null, Cancel);
        await Leaderboard.SetDisplayNameAsync(ben, "", Cancel);
        await Leaderboard.SetDisplayNameAsync(ben, null, Cancel);

        Assert.Equal("Second", named.DisplayName);
        Assert.All((await Leaderboard.GetTopAsync(all, 10, ana, Cancel)).Entries, e => Assert.Null(e.DisplayName));
        Assert.Null((await Leaderboard.GetTopAsync(all, 10, ana, Cancel)).Me!.DisplayName);
    }

    [Fact]
    public async Task SetDisplayNameAsync_WithoutAUser_Throws()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Leaderboard.SetDisplayNameAsync("", "Ana", Cancel));
    }

    [Fact]
    public async Task WriteAsync_WithAnInvalidWrite_WritesNothing()
    {
        var board = TestData.NewId("volume");

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Leaderboard.WriteAsync(
            [new(board, "ana", 10, LeaderboardWriteMode.Set, null), new(board, "", 10, LeaderboardWriteMode.Set, null)], Cancel));

        Assert.Empty((await Leaderboard.GetTopAsync(board, 10, null, Cancel)).Entries);
    }
}
