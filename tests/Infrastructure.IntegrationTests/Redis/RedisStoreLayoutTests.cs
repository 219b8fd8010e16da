using FitCoach.Domain.Workouts;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Redis;
using FitCoach.Testing;
using StackExchange.Redis;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Redis;

/// <summary>How the Redis stores lay their data out: key names, cluster slots, lifetimes, restarts of the API.</summary>
public sealed class RedisStoreLayoutTests(RedisServerFixture server) : IClassFixture<RedisServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UserKeys_AreHashTaggedSoAllOfAUsersKeysShareOneClusterSlot()
    {
        await server.FlushAsync();
        await using var connection = await RedisConnections.ConnectAsync(server);
        var (admin, redis) = await RedisConnections.ConnectAdminAsync(server);
        await using var adminConnection = admin;
        var sessions = new RedisSessionStore(connection);
        var session = await sessions.StartAsync("u1", null, TestData.Morning, Cancel);
        await sessions.AppendAsync("u1", session.Id, [TestData.Entry()], Cancel);
        await new RedisCustomExerciseStore(connection).SaveAsync("u1", TestData.Exercise("sled-push"), Cancel);
        await new RedisLeaderboard(connection).IncrementAsync("volume:2026-W02", "u1", 1000, null, Cancel);

        var keys = redis.Keys(pattern: "*").Select(k => k.ToString()).Order(StringComparer.Ordinal).ToList();

        string[] expected =
        [
            "fitcoach:{lb:volume:2026-W02}",
            "fitcoach:{user:u1}:exercises",
            $"fitcoach:{{user:u1}}:session:{session.Id}",
            $"fitcoach:{{user:u1}}:session:{session.Id}:entries",
            "fitcoach:{user:u1}:session:active",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), keys);
        var userSlots = keys.Where(k => k.StartsWith("fitcoach:{user:u1}", StringComparison.Ordinal))
            .Select(k => connection.HashSlot(k))
            .Distinct();
        Assert.Single(userSlots);
    }

    [Fact]
    public async Task SessionKeys_LiveForTheActiveTtlAndForTheEndedTtlOnceEnded()
    {
        await using var connection = await RedisConnections.ConnectAsync(server);
        var db = connection.GetDatabase();
        var store = new RedisSessionStore(connection, activeTtl: TimeSpan.FromMinutes(10), endedTtl: TimeSpan.FromMinutes(1));
        var userId = TestData.NewId("user");

        var session = await store.StartAsync(userId, null, TestData.Morning, Cancel);
        await store.AppendAsync(userId, session.Id, [TestData.Entry()], Cancel);

        RedisKey[] sessionKeys = [RedisKeys.Session(userId, session.Id), RedisKeys.SessionEntries(userId, session.Id)];
        foreach (var key in sessionKeys.Append(RedisKeys.ActiveSession(userId)))
        {
            Assert.InRange(await db.KeyTimeToLiveAsync(key) ?? TimeSpan.Zero, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
        }

        await store.EndAsync(userId, session.Id, SessionStatus.Finished, TestData.Morning.AddHours(1), Cancel);

        foreach (var key in sessionKeys)
        {
            Assert.InRange(await db.KeyTimeToLiveAsync(key) ?? TimeSpan.Zero, TimeSpan.FromSeconds(50), TimeSpan.FromMinutes(1));
        }

        Assert.False(await db.KeyExistsAsync(RedisKeys.ActiveSession(userId)));
    }

    [Fact]
    public async Task Session_SurvivesANewConnectionLikeAnApiRestart()
    {
        var userId = TestData.NewId("user");
        var entry = TestData.Entry();
        string sessionId;
        await using (var before = await RedisConnections.ConnectAsync(server))
        {
            var store = new RedisSessionStore(before);
            sessionId = (await store.StartAsync(userId, "Pull", TestData.Morning, Cancel)).Id;
            await store.AppendAsync(userId, sessionId, [entry], Cancel);
        }

        await using var after = await RedisConnections.ConnectAsync(server);
        var restarted = new RedisSessionStore(after);

        var active = await restarted.GetActiveAsync(userId, Cancel);
        var appended = await restarted.AppendAsync(userId, sessionId, [TestData.Entry("deadlift")], Cancel);

        Assert.Equal(sessionId, active?.Id);
        Assert.Equal("Pull", active?.Name);
        Assert.Equal([entry.ExerciseId], active?.Exercises.Select(e => e.ExerciseId));
        Assert.Equal([entry.ExerciseId, "deadlift"], appended?.Exercises.Select(e => e.ExerciseId));
    }

    [Fact]
    public async Task LeaderboardWrites_WithAnExpiry_SetItOnTheBoardKeyAndWithoutOneLeaveItAlone()
    {
        await using var connection = await RedisConnections.ConnectAsync(server);
        var db = connection.GetDatabase();
        var leaderboard = new RedisLeaderboard(connection);
        var weekly = TestData.NewId("volume:week");
        var allTime = TestData.NewId("volume:all-time");

        await leaderboard.IncrementAsync(weekly, "u1", 10, TimeSpan.FromDays(14), Cancel);
        await leaderboard.SetIfHigherAsync(allTime, "u1", 10, null, Cancel);

        Assert.InRange(
            await db.KeyTimeToLiveAsync(RedisKeys.Leaderboard(weekly)) ?? TimeSpan.Zero,
            TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1),
            TimeSpan.FromDays(14));
        Assert.Null(await db.KeyTimeToLiveAsync(RedisKeys.Leaderboard(allTime)));
    }

    [Fact]
    public async Task LeaderboardDisplayNames_AreFieldsOfOneHashWithoutExpiry_InASlotOfTheirOwn()
    {
        await using var connection = await RedisConnections.ConnectAsync(server);
        var db = connection.GetDatabase();
        var user = TestData.NewId("p_user");

        await new RedisLeaderboard(connection).SetDisplayNameAsync(user, "Carol S", Cancel);

        Assert.Equal("fitcoach:{lb}:display-names", RedisKeys.LeaderboardDisplayNames.ToString());
        Assert.Equal("Carol S", (string?)await db.HashGetAsync(RedisKeys.LeaderboardDisplayNames, user));
        Assert.Null(await db.KeyTimeToLiveAsync(RedisKeys.LeaderboardDisplayNames));
    }

    [Fact]
    public async Task CustomExercises_AreStoredAsJsonFieldsOfOneHashPerUser()
    {
        await using var connection = await RedisConnections.ConnectAsync(server);
        var userId = TestData.NewId("user");
        await new RedisCustomExerciseStore(connection).SaveAsync(userId, TestData.Exercise("sled-push"), Cancel);

        var json = (string?)await connection.GetDatabase().HashGetAsync(RedisKeys.CustomExercises(userId), "sled-push");

        Assert.NotNull(json);
        Assert.Contains("\"name\":\"Sled Push\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"ownerId\":\"{userId}\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("isCustom", json, StringComparison.Ordinal);
    }
}
