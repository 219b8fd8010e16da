using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.IntegrationTests.Support;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

/// <summary>What every <see cref="IRateLimiter"/> must do: an exact sliding window, atomic under concurrency.</summary>
public abstract class RateLimiterContract : PortContract<IRateLimiter>
{
    protected IRateLimiter Limiter => Port;

    [Fact]
    public async Task CheckAsync_UnderTheLimit_AllowsAndCountsRemainingDown()
    {
        var key = TestData.NewId("user");
        var policy = new RateLimitPolicy("chat", 3, TimeSpan.FromMinutes(1));

        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 3; i++)
        {
            decisions.Add(await Limiter.CheckAsync(key, policy, Cancel));
        }

        Assert.All(decisions, d => Assert.True(d.Allowed));
        Assert.All(decisions, d => Assert.Equal(3, d.Limit));
        Assert.All(decisions, d => Assert.Equal(TimeSpan.Zero, d.RetryAfter));
        Assert.Equal([2, 1, 0], decisions.Select(d => d.Remaining));

        // The newest entry was just logged, so a full quota is back a whole window from now.
        Assert.All(decisions, d => Assert.InRange(d.ResetAfter, TimeSpan.FromSeconds(59), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task CheckAsync_WhenLimitReached_RejectsWithRetryAfter()
    {
        var key = TestData.NewId("user");
        var policy = new RateLimitPolicy("chat", 2, TimeSpan.FromSeconds(10));

        await Limiter.CheckAsync(key, policy, Cancel);
        var last = await Limiter.CheckAsync(key, policy, Cancel);
        var rejected = await Limiter.CheckAsync(key, policy, Cancel);

        Assert.True(last.Allowed);
        Assert.False(rejected.Allowed);
        Assert.Equal(0, rejected.Remaining);
        Assert.Equal(2, rejected.Limit);
        Assert.InRange(rejected.RetryAfter, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(10));
        Assert.InRange(rejected.ResetAfter, rejected.RetryAfter, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task CheckAsync_AsTheWindowSlides_AdmitsAgainOnlyWhenTheOldestRequestLeavesIt()
    {
        var key = TestData.NewId("user");
        // A 3 s window and 1 s apart: wide enough that a loaded CI machine oversleeping a delay can't flip the result.
        var policy = new RateLimitPolicy("chat", 2, TimeSpan.FromSeconds(3));

        Assert.True((await Limiter.CheckAsync(key, policy, Cancel)).Allowed);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancel);
        Assert.True((await Limiter.CheckAsync(key, policy, Cancel)).Allowed);

        var rejected = await Limiter.CheckAsync(key, policy, Cancel);
        Assert.False(rejected.Allowed);

        // The first request leaves the window about 2 s from now, the second one 1 s later.
        Assert.InRange(rejected.RetryAfter, TimeSpan.FromMilliseconds(900), TimeSpan.FromMilliseconds(2050));
        Assert.InRange(rejected.ResetAfter, TimeSpan.FromMilliseconds(2000), TimeSpan.FromSeconds(3));
        Assert.True(rejected.ResetAfter - rejected.RetryAfter >= TimeSpan.FromMilliseconds(900));

        await Task.Delay(rejected.RetryAfter + TimeSpan.FromMilliseconds(50), Cancel);
        var readmitted = await Limiter.CheckAsync(key, policy, Cancel);
        var stillFull = await Limiter.CheckAsync(key, policy, Cancel);

        Assert.True(readmitted.Allowed);
        Assert.False(stillFull.Allowed);
        Assert.InRange(stillFull.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1100));
    }

    [Fact]
    public async Task CheckAsync_RejectedRequests_DoNotCountAgainstTheWindow()
    {
        var key = TestData.NewId("user");
        var policy = new RateLimitPolicy("chat", 1, TimeSpan.FromMilliseconds(300));

        var first = await Limiter.CheckAsync(key, policy, Cancel);
        for (var i = 0; i < 3; i++)
        {
            Assert.False((await Limiter.CheckAsync(key, policy, Cancel)).Allowed);
        }

        await Task.Delay(first.ResetAfter + TimeSpan.FromMilliseconds(50), Cancel);

        Assert.True((await Limiter.CheckAsync(key, policy, Cancel)).Allowed);
    }

    [Fact]
    public async Task CheckAsync_ForDifferentKeys_CountsEachKeyOnItsOwn()
    {
        var policy = new RateLimitPolicy("chat", 1, TimeSpan.FromMinutes(1));
        var alice = TestData.NewId("alice");
        var bob = TestData.NewId("bob");

        Assert.True((await Limiter.CheckAsync(alice, policy, Cancel)).Allowed);
        Assert.False((await Limiter.CheckAsync(alice, policy, Cancel)).Allowed);
        Assert.True((await Limiter.CheckAsync(bob, policy, Cancel)).Allowed);
    }

    [Fact]
    public async Task CheckAsync_UnderConcurrentChecks_AdmitsExactlyTheLimit()
    {
        var key = TestData.NewId("user");
        var policy = new RateLimitPolicy("chat", 30, TimeSpan.FromMinutes(1));

        var decisions = await Task.WhenAll(Enumerable.Range(0, 100)
            .Select(_ => Task.Run(async () => await Limiter.CheckAsync(key, policy, Cancel), Cancel)));

        Assert.Equal(30, decisions.Count(d => d.Allowed));
        Assert.Equal(Enumerable.Range(0, 30), decisions.Where(d => d.Allowed).Select(d => d.Remaining).Order());
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(5, 0)]
    public async Task CheckAsync_WithAPolicyThatCannotAdmit_Throws(int limit, int windowMs)
    {
        var policy = new RateLimitPolicy("broken", limit, TimeSpan.FromMilliseconds(windowMs));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            async () => await Limiter.CheckAsync(TestData.NewId("user"), policy, Cancel));
    }
}
