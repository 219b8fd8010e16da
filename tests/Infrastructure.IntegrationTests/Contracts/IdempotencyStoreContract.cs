using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.IntegrationTests.Support;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

/// <summary>What every <see cref="IIdempotencyStore"/> must do.</summary>
public abstract class IdempotencyStoreContract : PortContract<IIdempotencyStore>
{
    private static readonly TimeSpan Lock = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Keep = TimeSpan.FromHours(1);

    protected IIdempotencyStore Store => Port;

    private static IdempotentResponse Created(string body) => new(201, "application/json", "/api/workouts/w1", System.Text.Encoding.UTF8.GetBytes(body));

    [Fact]
    public async Task TryClaimAsync_FirstClaims_ThenReportsThePendingClaim_ThenTheKeptResponse()
    {
        var user = TestData.NewId("user");

        Assert.Null(await Store.TryClaimAsync(user, "k", "fp", Lock, Cancel));
        var pending = await Store.TryClaimAsync(user, "k", "fp", Lock, Cancel);
        await Store.CompleteAsync(user, "k", "fp", Created("{\"id\":\"w1\"}"), Keep, Cancel);
        var done = await Store.TryClaimAsync(user, "k", "other", Lock, Cancel);

        Assert.Equal(new IdempotencyRecord("fp", null), pending);
        Assert.Equal("fp", done!.RequestFingerprint);
        Assert.Equal(201, done.Response!.StatusCode);
        Assert.Equal("application/json", done.Response.ContentType);
        Assert.Equal("/api/workouts/w1", done.Response.Location);
        Assert.Equal("{\"id\":\"w1\"}", System.Text.Encoding.UTF8.GetString(done.Response.Body));
    }

    [Fact]
    public async Task ReleaseAsync_FreesAPendingClaim_ButNeverAKeptResponse()
    {
        var user = TestData.NewId("user");
        await Store.TryClaimAsync(user, "pending", "fp", Lock, Cancel);
        await Store.TryClaimAsync(user, "done", "fp", Lock, Cancel);
        await Store.CompleteAsync(user, "done", "fp", Created("{}"), Keep, Cancel);

        await Store.ReleaseAsync(user, "pending", Cancel);
        await Store.ReleaseAsync(user, "done", Cancel);

        Assert.Null(await Store.TryClaimAsync(user, "pending", "fp2", Lock, Cancel));
        Assert.NotNull((await Store.TryClaimAsync(user, "done", "fp", Lock, Cancel))!.Response);
    }

    [Fact]
    public async Task Keys_AreKeptPerUser()
    {
        Assert.Null(await Store.TryClaimAsync(TestData.NewId("alice"), "k", "fp", Lock, Cancel));
        Assert.Null(await Store.TryClaimAsync(TestData.NewId("bob"), "k", "fp", Lock, Cancel));
    }

    [Fact]
    public async Task TryClaimAsync_InParallel_ClaimsOnce()
    {
        var user = TestData.NewId("user");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Store.TryClaimAsync(user, "k", "fp", Lock, Cancel)));

        Assert.Equal(1, results.Count(r => r is null));
    }

    [Fact]
    public async Task Claim_ExpiresAfterItsLock_SoACrashedRequestDoesNotBlockTheKeyForever()
    {
        var user = TestData.NewId("user");
        await Store.TryClaimAsync(user, "k", "fp", TimeSpan.FromMilliseconds(300), Cancel);

        await Task.Delay(TimeSpan.FromMilliseconds(1200), Cancel);

        Assert.Null(await Store.TryClaimAsync(user, "k", "fp", Lock, Cancel));
    }
}
