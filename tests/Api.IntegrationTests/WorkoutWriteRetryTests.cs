using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using FitCoach.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

/// <summary>
/// A write whose side effect fails after the workout (or profile) is stored: the client gets an error, retries, and
/// the retry repairs the leaderboards instead of finding the write stored and doing nothing (in process and on Redis).
/// </summary>
public sealed class WorkoutWriteRetryTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<bool> Backends => [false, true];

    private FlakyBoardsFactory Factory(bool useRedis, FlakyLeaderboard flaky) =>
        new(useRedis ? new Dictionary<string, string?> { ["Redis:ConnectionString"] = redis.ConnectionString } : [], flaky);

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task FinishedSession_WhenTheBoardsFailOnce_IsRepairedByTheRetry(bool useRedis)
    {
        var flaky = new FlakyLeaderboard();
        using var api = Factory(useRedis, flaky);
        var userId = ApiFactory.NewUserId();
        var client = await api.ClientForAsync(userId, "unlimited");
        var session = await (await client.PostAsJsonAsync("/api/voice/log", new { transcript = "squat 3x5 at 100 kg" }, Cancel)).JsonAsync();
        var finish = $"/api/sessions/{session.GetProperty("sessionId").GetString()}/finish";

        flaky.FailNext = true;
        var failed = await client.PostAsJsonAsync(finish, new { }, Cancel);
        await failed.ProblemAsync(503);
        var before = await MeAsync(client, "volume");

        var retried = await (await client.PostAsJsonAsync(finish, new { }, Cancel)).JsonAsync();
        var again = await (await client.PostAsJsonAsync(finish, new { }, Cancel)).JsonAsync();

        Assert.Null(before); // the failed attempt stored the workout but reached no board
        Assert.Equal(1500, retried.GetProperty("summary").GetProperty("totalVolumeKg").GetDouble());
        Assert.Equal(retried.GetProperty("workoutId").GetString(), again.GetProperty("workoutId").GetString());
        Assert.Equal(1500, (await MeAsync(client, "volume"))!.Value.GetProperty("score").GetDouble());
        Assert.Equal(1, (await MeAsync(client, "workouts"))!.Value.GetProperty("score").GetDouble());
        Assert.Equal(1, (await MeAsync(client, "streak"))!.Value.GetProperty("score").GetDouble());
        Assert.Equal(116.7, (await MeAsync(client, "e1rm:Barbell_Squat"))!.Value.GetProperty("score").GetDouble());
        var history = await (await client.GetAsync("/api/workouts", Cancel)).JsonAsync();
        Assert.Equal(1, history.GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task PostedWorkout_WhenTheBoardsFailOnce_IsRepairedByTheRetry_AndStoredOnce(bool useRedis)
    {
        var flaky = new FlakyLeaderboard();
        using var api = Factory(useRedis, flaky);
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");
        var body = BenchWorkout();

        flaky.FailNext = true;
        await (await client.PostAsJsonAsync("/api/workouts", body, Cancel)).ProblemAsync(503);
        var stored = await (await client.PostAsJsonAsync("/api/workouts", body, Cancel)).JsonAsync();
        await (await client.PostAsJsonAsync("/api/workouts", body, Cancel)).JsonAsync();

        Assert.Equal(800, stored.GetProperty("totalVolumeKg").GetDouble());
        Assert.Equal(800, (await MeAsync(client, "volume"))!.Value.GetProperty("score").GetDouble());
        Assert.Equal(1, (await MeAsync(client, "workouts"))!.Value.GetProperty("score").GetDouble());
        Assert.Equal(1, (await (await client.GetAsync("/api/workouts", Cancel)).JsonAsync()).GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task SavedProfile_WhenTheBoardNameFailsOnce_IsRepairedByTheRetry(bool useRedis)
    {
        var flaky = new FlakyLeaderboard();
        using var api = Factory(useRedis, flaky);
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");
        await (await client.PostAsJsonAsync("/api/workouts", BenchWorkout(), Cancel)).JsonAsync();

        flaky.FailNext = true;
        await (await client.PutAsJsonAsync("/api/users/me/profile", new { displayName = "Retry Rita" }, Cancel)).ProblemAsync(503);
        var before = await MeAsync(client, "volume");
        await (await client.PutAsJsonAsync("/api/users/me/profile", new { displayName = "Retry Rita" }, Cancel)).JsonAsync();

        Assert.False(before!.Value.TryGetProperty("displayName", out _)); // stored in the profile, not yet on the board
        Assert.Equal("Retry Rita", (await MeAsync(client, "volume"))!.Value.GetProperty("displayName").GetString());
    }

    /// <summary>A ranked workout of two sets of 5 at 80 kg on the bench press (800 kg of volume).</summary>
    private static object BenchWorkout() => new
    {
        performedAt = DateTimeOffset.UtcNow.AddHours(-1),
        exercises = new[] { new { exerciseId = "Barbell_Bench_Press_-_Medium_Grip", sets = new[] { new { reps = 5, weight = 80, unit = "kg" }, new { reps = 5, weight = 80, unit = "kg" } } } },
    };

    private static async Task<JsonElement?> MeAsync(HttpClient client, string board)
    {
        var page = await (await client.GetAsync($"/api/leaderboards/{board}?period=week&limit=10", Cancel)).JsonAsync();
        return page.TryGetProperty("me", out var me) && me.ValueKind == JsonValueKind.Object ? me : null;
    }

    private sealed class FlakyBoardsFactory(Dictionary<string, string?> settings, FlakyLeaderboard flaky) : ConfiguredApiFactory(settings)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                var real = services.Last(d => d.ServiceType == typeof(ILeaderboard));
                services.AddSingleton<ILeaderboard>(provider => flaky.Wrap((ILeaderboard)real.ImplementationFactory!(provider)));
            });
        }
    }

    /// <summary>The real leaderboard, except that the next batch of writes fails as a Redis outage would.</summary>
    public sealed class FlakyLeaderboard
    {
        public bool FailNext { get; set; }

        public ILeaderboard Wrap(ILeaderboard inner) => new Flaky(inner, this);

        private sealed class Flaky(ILeaderboard inner, FlakyLeaderboard control) : ILeaderboard
        {
            public Task IncrementAsync(string board, string userId, double delta, TimeSpan? expireAfter, CancellationToken cancellationToken) =>
                inner.IncrementAsync(board, userId, delta, expireAfter, cancellationToken);

            public Task SetIfHigherAsync(string board, string userId, double score, TimeSpan? expireAfter, CancellationToken cancellationToken) =>
                inner.SetIfHigherAsync(board, userId, score, expireAfter, cancellationToken);

            public Task SetAsync(string board, string userId, double score, TimeSpan? expireAfter, CancellationToken cancellationToken) =>
                inner.SetAsync(board, userId, score, expireAfter, cancellationToken);

            public Task WriteAsync(IReadOnlyList<LeaderboardWrite> writes, CancellationToken cancellationToken)
            {
                FailIfAsked();
                return inner.WriteAsync(writes, cancellationToken);
            }

            public Task<LeaderboardPage> GetTopAsync(string board, int limit, string? userId, CancellationToken cancellationToken) =>
                inner.GetTopAsync(board, limit, userId, cancellationToken);

            public Task SetDisplayNameAsync(string userId, string? displayName, CancellationToken cancellationToken)
            {
                FailIfAsked();
                return inner.SetDisplayNameAsync(userId, displayName, cancellationToken);
            }

            private void FailIfAsked()
            {
                if (control.FailNext)
                {
                    control.FailNext = false;
                    throw new DependencyUnavailableException("redis", "leaderboard write failed (test)");
                }
            }
        }
    }
}
