using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FitCoach.Testing;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

/// <summary>
/// The contract's Idempotency-Key: a mobile client that retries a write after a dropped response gets the first
/// response again and the work is done once, on one instance or across two instances on one Redis.
/// </summary>
public sealed class IdempotencyTests(ApiFactory api, RedisServerFixture redis) : IClassFixture<ApiFactory>, IClassFixture<RedisServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static HttpRequestMessage VoiceLog(string transcript, string? key) =>
        Write(HttpMethod.Post, "/api/voice/log", new { transcript }, key);

    private static HttpRequestMessage Write(HttpMethod method, string url, object? body, string? key)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        return request;
    }

    private static async Task<int> LoggedSetsAsync(HttpClient client)
    {
        var active = await (await client.GetAsync("/api/sessions/active", Cancel)).JsonAsync();
        return active.GetProperty("exercises").EnumerateArray().Sum(e => e.GetProperty("sets").GetArrayLength());
    }

    [Fact]
    public async Task VoiceLog_SentTwiceWithOneKey_LogsTheSetsOnce_AndAnswersTheSameBothTimes()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId());
        var key = Guid.NewGuid().ToString("N");

        var first = await client.SendAsync(VoiceLog("bench 3x5 at 100 kg", key), Cancel);
        var second = await client.SendAsync(VoiceLog("bench 3x5 at 100 kg", key), Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancel), await second.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(3, await LoggedSetsAsync(client));
    }

    [Fact]
    public async Task VoiceLog_WithoutAKey_OrWithANewKey_LogsAgain()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId());

        await (await client.SendAsync(VoiceLog("bench 3x5 at 100 kg", null), Cancel)).JsonAsync();
        await (await client.SendAsync(VoiceLog("bench 3x5 at 100 kg", "k1"), Cancel)).JsonAsync();
        await (await client.SendAsync(VoiceLog("bench 3x5 at 100 kg", "k2"), Cancel)).JsonAsync();

        Assert.Equal(9, await LoggedSetsAsync(client));
    }

    [Fact]
    public async Task SameKey_WithADifferentBody_Is422_AndDoesNothing()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId());

        await (await client.SendAsync(VoiceLog("bench 3x5 at 100 kg", "k"), Cancel)).JsonAsync();
        var problem = await (await client.SendAsync(VoiceLog("squat 5x5 at 140 kg", "k"), Cancel)).ProblemAsync(422);

        Assert.Contains("different request", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, await LoggedSetsAsync(client));
    }

    [Fact]
    public async Task Keys_ArePerUser_SoTwoUsersMayUseTheSameKey()
    {
        var alice = await api.ClientForAsync(ApiFactory.NewUserId("alice"));
        var bob = await api.ClientForAsync(ApiFactory.NewUserId("bob"));

        await (await alice.SendAsync(VoiceLog("bench 3x5 at 100 kg", "shared"), Cancel)).JsonAsync();
        var bobs = await bob.SendAsync(VoiceLog("squat 5x5 at 140 kg", "shared"), Cancel);

        Assert.Equal(HttpStatusCode.OK, bobs.StatusCode);
        Assert.False(bobs.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(5, await LoggedSetsAsync(bob));
    }

    [Theory]
    [InlineData("a key with spaces")]
    [InlineData("k\u00e9y")]
    public async Task InvalidKey_Is400NamingTheHeader(string key)
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId());

        var problem = await (await client.SendAsync(VoiceLog("bench 3x5 at 100 kg", key), Cancel)).ProblemAsync(400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }

    [Fact]
    public async Task TooLongKey_Is400()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId());

        await (await client.SendAsync(VoiceLog("bench 3x5 at 100 kg", new string('k', 65)), Cancel)).ProblemAsync(400);
        await (await client.SendAsync(VoiceLog("bench 3x5 at 100 kg", new string('k', 64)), Cancel)).JsonAsync();
    }

    [Fact]
    public async Task RejectedRequest_DoesNotUseUpTheKey_SoTheCorrectedRetryRuns()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId());

        await (await client.SendAsync(VoiceLog("", "k"), Cancel)).ProblemAsync(400);
        var corrected = await client.SendAsync(VoiceLog("bench 3x5 at 100 kg", "k"), Cancel);

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(3, await LoggedSetsAsync(client));
    }

    [Fact]
    public async Task CreatedWorkout_IsReplayedWithItsLocation()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId());
        var body = new { performedAt = "2026-01-10T10:00:00Z", exercises = new[] { new { exerciseId = "Barbell_Squat", sets = new[] { new { reps = 5, weight = 100, unit = "kg" } } } } };

        var first = await client.SendAsync(Write(HttpMethod.Post, "/api/workouts", body, "w1"), Cancel);
        var second = await client.SendAsync(Write(HttpMethod.Post, "/api/workouts", body, "w1"), Cancel);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(Cancel), await second.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task VoiceLog_RetriedOnAnotherInstance_LogsOnce_WithTheSameResponse()
    {
        using var first = ApiFactory.WithRedis(redis.ConnectionString);
        using var second = ApiFactory.WithRedis(redis.ConnectionString);
        var userId = ApiFactory.NewUserId();
        var a = await first.ClientForAsync(userId);
        var b = await second.ClientForAsync(userId);
        var key = Guid.NewGuid().ToString("N");

        var original = await a.SendAsync(VoiceLog("deadlift 2x3 at 180 kg", key), Cancel);
        var retried = await b.SendAsync(VoiceLog("deadlift 2x3 at 180 kg", key), Cancel);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(await original.Content.ReadAsStringAsync(Cancel), await retried.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("true", retried.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(2, await LoggedSetsAsync(b));
        var mismatch = await b.SendAsync(VoiceLog("deadlift 2x3 at 200 kg", key), Cancel);
        await mismatch.ProblemAsync(422);
    }
}
