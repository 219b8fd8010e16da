using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Security;

/// <summary>
/// Finding 3 of the security review: one request with impossible sets took rank 1 on the weekly volume board, and 60
/// backdated imports made a 60-day streak. Impossible loads are refused now, and backdated workouts stay off the boards.
/// </summary>
public sealed class LeaderboardIntegrityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object Workout(DateTimeOffset at, string exerciseId, double weight, int reps = 5, int sets = 1, int exercises = 1) => new
    {
        performedAt = at,
        exercises = Enumerable.Range(0, exercises).Select(_ => new
        {
            exerciseId,
            sets = Enumerable.Range(0, sets).Select(_ => new { reps, weight, unit = "kg" }).ToArray(),
        }).ToArray(),
    };

    private static async Task<JsonElement?> MeAsync(HttpClient client, string board, string period = "week")
    {
        var page = await (await client.GetAsync($"/api/leaderboards/{board}?period={period}&limit=100", Cancel)).JsonAsync();
        return page.TryGetProperty("me", out var me) && me.ValueKind == JsonValueKind.Object ? me : null;
    }

    [Theory]
    [InlineData("Barbell_Squat", 700)]
    [InlineData("Barbell_Deadlift", 600)]
    [InlineData("Barbell_Bench_Press_-_Medium_Grip", 550)]
    [InlineData("Dumbbell_Bicep_Curl", 180)]
    public async Task ALoadNoHumanLifts_Is400NamingTheSet_AndStoresNothing(string exerciseId, double kg)
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var problem = await (await client.PostAsJsonAsync("/api/workouts", Workout(DateTimeOffset.UtcNow.AddMinutes(-10), exerciseId, kg), Cancel)).ProblemAsync(400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("exercises[0].sets[0].weight", out _));
        Assert.Equal(0, (await (await client.GetAsync("/api/workouts", Cancel)).JsonAsync()).GetArrayLength());
        Assert.Null(await MeAsync(client, "volume"));
    }

    [Fact]
    public async Task AWorkoutOfImpossibleVolume_Is400_AndTakesNoRank()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        // The review's request: 50 exercises × 50 sets × 100 reps at a load a leg press sled can carry.
        var problem = await (await client.PostAsJsonAsync("/api/workouts", Workout(DateTimeOffset.UtcNow.AddMinutes(-10), "Leg_Press", 500, reps: 100, sets: 50, exercises: 50), Cancel)).ProblemAsync(400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("exercises", out _));
        Assert.Null(await MeAsync(client, "volume"));
    }

    [Fact]
    public async Task RealHeavyLifts_AreAccepted()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        await (await client.PostAsJsonAsync("/api/workouts", Workout(DateTimeOffset.UtcNow.AddMinutes(-10), "Barbell_Deadlift", 420, reps: 1), Cancel)).JsonAsync();

        Assert.Equal(420, (await MeAsync(client, "e1rm:Barbell_Deadlift"))!.Value.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task BackdatedWorkouts_CountInHistory_ButNotOnTheBoards()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");
        var now = DateTimeOffset.UtcNow;

        for (var day = 3; day <= 12; day++)
        {
            var stored = await (await client.PostAsJsonAsync("/api/workouts", Workout(now.AddDays(-day), "Barbell_Squat", 100), Cancel)).JsonAsync();
            Assert.False(stored.GetProperty("ranked").GetBoolean());
        }

        Assert.Equal(10, (await (await client.GetAsync($"/api/workouts?from={Uri.EscapeDataString(now.AddDays(-13).ToString("O"))}", Cancel)).JsonAsync()).GetArrayLength());
        Assert.Null(await MeAsync(client, "streak"));
        Assert.Null(await MeAsync(client, "volume", "all"));
        Assert.Null(await MeAsync(client, "workouts", "month"));
    }
}
