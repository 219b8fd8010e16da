using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Workouts;
using FitCoach.Infrastructure.InMemory;
using FitCoach.Infrastructure.IntegrationTests.Support;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.InMemory;

/// <summary>Lifetimes of the in-process stores, on a manual clock because they are measured in minutes and hours.</summary>
public sealed class InMemoryExpiryTests
{
    private readonly ManualTimeProvider _time = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RateLimiter_DropsKeysOnceTheirWholeLogHasLeftTheWindow()
    {
        var limiter = new InMemoryRateLimiter(_time);
        var shortWindow = new RateLimitPolicy("burst", 5, TimeSpan.FromSeconds(1));
        var longWindow = new RateLimitPolicy("daily", 5, TimeSpan.FromHours(1));
        for (var i = 0; i < 100; i++)
        {
            await limiter.CheckAsync($"visitor-{i}", shortWindow, Cancel);
        }

        await limiter.CheckAsync("regular", longWindow, Cancel);
        Assert.Equal(101, limiter.TrackedKeyCount);

        _time.Advance(TimeSpan.FromSeconds(31));
        await limiter.CheckAsync("newcomer", shortWindow, Cancel);

        Assert.Equal(2, limiter.TrackedKeyCount);
        Assert.Equal(3, (await limiter.CheckAsync("regular", longWindow, Cancel)).Remaining);
    }

    [Fact]
    public async Task RateLimiter_MeasuresTheWindowOnItsClock()
    {
        var limiter = new InMemoryRateLimiter(_time);
        var policy = new RateLimitPolicy("chat", 1, TimeSpan.FromMinutes(1));

        await limiter.CheckAsync("u", policy, Cancel);
        _time.Advance(TimeSpan.FromSeconds(45));
        var rejected = await limiter.CheckAsync("u", policy, Cancel);
        _time.Advance(TimeSpan.FromSeconds(15));
        var admitted = await limiter.CheckAsync("u", policy, Cancel);

        Assert.False(rejected.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(15), rejected.RetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(15), rejected.ResetAfter);
        Assert.True(admitted.Allowed);
    }

    [Fact]
    public async Task SessionStore_ExpiresAnActiveSessionAfterTheActiveTtlWithoutAppends()
    {
        var store = new InMemorySessionStore(TimeSpan.FromHours(24), TimeSpan.FromHours(1), _time);
        var session = await store.StartAsync("u", null, TestData.Morning, Cancel);

        _time.Advance(TimeSpan.FromHours(23));
        Assert.NotNull(await store.AppendAsync("u", session.Id, [TestData.Entry()], Cancel));
        _time.Advance(TimeSpan.FromHours(23));
        Assert.NotNull(await store.GetActiveAsync("u", Cancel));
        _time.Advance(TimeSpan.FromHours(1));

        Assert.Null(await store.GetActiveAsync("u", Cancel));
        Assert.Null(await store.GetAsync("u", session.Id, Cancel));
    }

    [Fact]
    public async Task SessionStore_KeepsAnEndedSessionForTheEndedTtl()
    {
        var store = new InMemorySessionStore(TimeSpan.FromHours(24), TimeSpan.FromHours(1), _time);
        var session = await store.StartAsync("u", null, TestData.Morning, Cancel);
        await store.EndAsync("u", session.Id, SessionStatus.Finished, TestData.Morning.AddHours(1), Cancel);

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.NotNull(await store.GetAsync("u", session.Id, Cancel));
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Null(await store.GetAsync("u", session.Id, Cancel));
        Assert.Null(await store.EndAsync("u", session.Id, SessionStatus.Finished, TestData.Morning, Cancel));
    }

    [Fact]
    public async Task Leaderboard_ExpiresABoardAfterItsLatestWriteAndStartsAfreshOnTheNextOne()
    {
        var leaderboard = new InMemoryLeaderboard(_time);
        await leaderboard.IncrementAsync("weekly", "ana", 10, TimeSpan.FromDays(7), Cancel);
        _time.Advance(TimeSpan.FromDays(6));
        await leaderboard.IncrementAsync("weekly", "ben", 5, TimeSpan.FromDays(7), Cancel);
        _time.Advance(TimeSpan.FromDays(6));
        Assert.Equal(2, (await leaderboard.GetTopAsync("weekly", 10, null, Cancel)).Entries.Count);

        _time.Advance(TimeSpan.FromDays(1));
        Assert.Empty((await leaderboard.GetTopAsync("weekly", 10, null, Cancel)).Entries);

        await leaderboard.IncrementAsync("weekly", "ana", 1, null, Cancel);
        Assert.Equal([new LeaderboardEntry(1, "ana", 1)], (await leaderboard.GetTopAsync("weekly", 10, null, Cancel)).Entries);
    }
}
