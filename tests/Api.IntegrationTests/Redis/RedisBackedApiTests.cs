using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FitCoach.Testing;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Redis;

/// <summary>Two API instances on one real redis-server, as in production behind a load balancer.</summary>
public sealed class RedisSharedStateTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task TwoApiInstances_ShareOneRateLimit()
    {
        using var first = ApiFactory.WithRedis(redis.ConnectionString);
        using var second = ApiFactory.WithRedis(redis.ConnectionString);
        var userId = ApiFactory.NewUserId();
        var a = await first.ClientForAsync(userId, "free");
        var b = await second.ClientForAsync(userId, "free");

        for (var i = 0; i < 15; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await RateLimitTests.MatchAsync(a)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await RateLimitTests.MatchAsync(b)).StatusCode);
        }

        await (await RateLimitTests.MatchAsync(a)).ProblemAsync(429);
        await (await RateLimitTests.MatchAsync(b)).ProblemAsync(429);
    }

    [Fact]
    public async Task CustomExercise_CreatedOnOneInstance_IsMatchedOnTheOther()
    {
        using var first = ApiFactory.WithRedis(redis.ConnectionString);
        using var second = ApiFactory.WithRedis(redis.ConnectionString);
        var userId = ApiFactory.NewUserId();
        var a = await first.ClientForAsync(userId);
        var b = await second.ClientForAsync(userId);

        var created = await (await a.PostAsJsonAsync("/api/exercises/create-or-match", new { name = "Snorkel Grip Crawl" }, TestContext.Current.CancellationToken)).JsonAsync();
        var seen = await (await b.PostAsJsonAsync("/api/exercises/create-or-match", new { name = "snorkel grip crawl" }, TestContext.Current.CancellationToken)).JsonAsync();

        Assert.True(created.GetProperty("created").GetBoolean());
        Assert.True(seen.GetProperty("matched").GetBoolean());
        Assert.Equal(created.GetProperty("exercise").GetProperty("id").GetString(), seen.GetProperty("exercise").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Health_WithRedisUp_IsHealthy()
    {
        using var api = ApiFactory.WithRedis(redis.ConnectionString);
        await ApiFactory.WaitForLocalModelAsync();

        var health = await (await api.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken)).JsonAsync();

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.StartsWith("PING", health.GetProperty("checks").GetProperty("redis").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>Redis dies under a running API and comes back: reads keep working, writes say 503, nothing 500s.</summary>
public sealed class RedisOutageTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static async Task<string> HealthStatusAsync(HttpClient client) =>
        (await (await client.GetAsync("/health", TestContext.Current.CancellationToken)).JsonAsync()).GetProperty("status").GetString()!;

    [Fact]
    public async Task KillingAndRestartingRedis_DegradesThenRecoversWithoutRestartingTheApi()
    {
        using var api = ApiFactory.WithRedis(redis.ConnectionString);
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "free");
        var anonymous = api.CreateClient();
        await ApiFactory.WaitForLocalModelAsync();
        Assert.Equal(HttpStatusCode.OK, (await RateLimitTests.MatchAsync(client)).StatusCode);
        Assert.Equal("Healthy", await HealthStatusAsync(anonymous));

        await redis.StopAsync();
        try
        {
            // Reads: the catalog, search and matches keep answering (the limiter fails open, the cache is skipped).
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/exercises?q=bench&limit=3", TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/exercises/Barbell_Squat", TestContext.Current.CancellationToken)).StatusCode);
            var match = await (await client.PostAsJsonAsync("/api/exercises/create-or-match", new { name = "romanian deadlift" }, TestContext.Current.CancellationToken)).JsonAsync();
            Assert.True(match.GetProperty("matched").GetBoolean());
            Assert.Equal("Degraded", await HealthStatusAsync(anonymous));

            // A write that needs Redis is refused clearly, never a 500 and never half-stored.
            var write = await client.PostAsJsonAsync("/api/exercises/create-or-match", new { name = "Plonk Wiggle Carry" }, TestContext.Current.CancellationToken);
            var problem = await write.ProblemAsync(503);
            Assert.Contains("Redis", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await redis.StartAsync();
        }

        await WaitUntilAsync(async () => await HealthStatusAsync(anonymous) == "Healthy");
        var created = await WaitForSuccessAsync(() => client.PostAsJsonAsync("/api/exercises/create-or-match", new { name = "Plonk Wiggle Carry" }, TestContext.Current.CancellationToken));
        Assert.True(created.GetProperty("created").GetBoolean());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the API did not recover within 30 s of Redis restarting");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<JsonElement> WaitForSuccessAsync(Func<Task<HttpResponseMessage>> send)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await send();
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            if (response.IsSuccessStatusCode)
            {
                return await response.JsonAsync();
            }

            Assert.True(DateTime.UtcNow < deadline, $"still {(int)response.StatusCode} 30 s after Redis restarted");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
