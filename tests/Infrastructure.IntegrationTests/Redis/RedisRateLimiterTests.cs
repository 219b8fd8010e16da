using System.Globalization;
using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Redis;
using FitCoach.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Redis;

/// <summary>What only the Redis limiter promises: one round trip, a shared count, survival of a script flush.</summary>
public sealed class RedisRateLimiterTests(RedisServerFixture server) : IClassFixture<RedisServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CheckAsync_CostsExactlyOneRoundTripPerCheck()
    {
        const int checks = 25;
        const string clientName = "round-trip-probe";
        var (admin, redis) = await RedisConnections.ConnectAdminAsync(server);
        await using var adminConnection = admin;
        await using var connection = await RedisConnections.ConnectAsync(server, clientName);
        var limiter = NewLimiter(connection);
        var policy = new RateLimitPolicy("chat", 1000, TimeSpan.FromMinutes(1));
        var key = TestData.NewId("user");

        // The first call also loads the script; from then on StackExchange.Redis sends EVALSHA alone.
        await limiter.CheckAsync(key, policy, Cancel);

        // The slow log, with a zero threshold, names the client of every command, and "?:0" for commands a script ran.
        await redis.ExecuteAsync("CONFIG", "SET", "slowlog-log-slower-than", "0", "slowlog-max-len", "10000");
        await redis.ExecuteAsync("SLOWLOG", "RESET");
        var before = await TotalCommandsProcessedAsync(redis);
        for (var i = 0; i < checks; i++)
        {
            await limiter.CheckAsync(key, policy, Cancel);
        }

        var after = await TotalCommandsProcessedAsync(redis);
        var log = await SlowLogAsync(redis);
        await redis.ExecuteAsync("CONFIG", "SET", "slowlog-log-slower-than", "10000");

        var sentByLimiter = log.Where(e => e.ClientName == clientName).ToList();
        var ranByScripts = log.Count(e => e.Address == "?:0");

        Assert.Equal(checks, sentByLimiter.Count);
        Assert.All(sentByLimiter, e => Assert.Equal("EVALSHA", e.Command, ignoreCase: true));

        // INFO reports the counter before counting itself, so the delta holds the first INFO and not the second.
        Assert.Equal(1 + checks + ranByScripts, after - before);
    }

    [Fact]
    public async Task CheckAsync_AfterTheScriptCacheIsFlushed_ReloadsTheScriptAndKeepsCounting()
    {
        var (admin, redis) = await RedisConnections.ConnectAdminAsync(server);
        await using var adminConnection = admin;
        await using var connection = await RedisConnections.ConnectAsync(server);
        var limiter = NewLimiter(connection);
        var policy = new RateLimitPolicy("chat", 3, TimeSpan.FromMinutes(1));
        var key = TestData.NewId("user");

        Assert.Equal(2, (await limiter.CheckAsync(key, policy, Cancel)).Remaining);
        await redis.ScriptFlushAsync();
        Assert.Equal(0, await InfoValueAsync(redis, "memory", "number_of_cached_scripts"));
        var noScriptErrors = await NoScriptErrorsAsync(redis);

        var afterFlush = await limiter.CheckAsync(key, policy, Cancel);

        Assert.True(afterFlush.Allowed);
        Assert.Equal(1, afterFlush.Remaining);
        Assert.Equal(noScriptErrors + 1, await NoScriptErrorsAsync(redis));
        Assert.Equal(1, await InfoValueAsync(redis, "memory", "number_of_cached_scripts"));
    }

    [Fact]
    public async Task CheckAsync_KeepsItsLogInAHashTaggedSortedSetThatExpiresWithTheWindow()
    {
        await server.FlushAsync();
        var (admin, redis) = await RedisConnections.ConnectAdminAsync(server);
        await using var adminConnection = admin;
        await using var connection = await RedisConnections.ConnectAsync(server);
        var limiter = NewLimiter(connection);

        await limiter.CheckAsync("user:42:chat", new RateLimitPolicy("chat", 5, TimeSpan.FromSeconds(30)), Cancel);

        var key = Assert.Single(redis.Keys(pattern: "*"));
        Assert.Equal("fitcoach:{rl:user:42:chat}", key.ToString());
        var db = admin.GetDatabase();
        Assert.Equal(RedisType.SortedSet, await db.KeyTypeAsync(key));
        Assert.Equal(1, await db.SortedSetLengthAsync(key));
        Assert.InRange(await db.KeyTimeToLiveAsync(key) ?? TimeSpan.Zero, TimeSpan.FromSeconds(29), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task CheckAsync_FromTwoApiInstances_SharesOneCount()
    {
        await using var first = await RedisConnections.ConnectAsync(server, "instance-1");
        await using var second = await RedisConnections.ConnectAsync(server, "instance-2");
        var limiters = new[] { NewLimiter(first), NewLimiter(second) };
        var policy = new RateLimitPolicy("chat", 3, TimeSpan.FromMinutes(1));
        var key = TestData.NewId("user");

        var decisions = new List<bool>();
        for (var i = 0; i < 4; i++)
        {
            decisions.Add((await limiters[i % 2].CheckAsync(key, policy, Cancel)).Allowed);
        }

        Assert.Equal([true, true, true, false], decisions);
    }

    private static RedisRateLimiter NewLimiter(IConnectionMultiplexer connection) =>
        new(connection, new RecordingMetrics(failOnFallback: true), NullLogger<RedisRateLimiter>.Instance);

    private static Task<long> TotalCommandsProcessedAsync(IServer redis) =>
        InfoValueAsync(redis, "stats", "total_commands_processed");

    private static async Task<long> NoScriptErrorsAsync(IServer redis)
    {
        // errorstats lists an error only once it has happened: "errorstat_NOSCRIPT:count=N".
        var errors = await redis.InfoAsync("errorstats");
        var entry = errors.SelectMany(g => g).FirstOrDefault(kv => kv.Key == "errorstat_NOSCRIPT").Value;
        return entry is null ? 0 : long.Parse(entry.Split('=')[1], CultureInfo.InvariantCulture);
    }

    private static async Task<long> InfoValueAsync(IServer redis, string section, string field)
    {
        var info = await redis.InfoAsync(section);
        return long.Parse(info.SelectMany(g => g).Single(kv => kv.Key == field).Value, CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<SlowLogEntry>> SlowLogAsync(IServer redis)
    {
        // Raw SLOWLOG GET, because the client library's trace type leaves out the client address and name.
        var entries = (RedisResult[])(await redis.ExecuteAsync("SLOWLOG", "GET", "-1"))!;
        return
        [
            .. entries.Select(entry =>
            {
                var fields = (RedisResult[])entry!;
                var arguments = (RedisResult[])fields[3]!;
                return new SlowLogEntry((string)arguments[0]!, (string)fields[4]!, (string?)fields[5] ?? string.Empty);
            }),
        ];
    }

    private sealed record SlowLogEntry(string Command, string Address, string ClientName);
}
