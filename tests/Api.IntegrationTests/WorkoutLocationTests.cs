using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FitCoach.Testing;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

/// <summary>The Location of a workout created by POST /api/workouts, followed with the same token, lists that workout.</summary>
public sealed class WorkoutLocationTests(ApiFactory factory, RedisServerFixture redis) : IClassFixture<ApiFactory>, IClassFixture<RedisServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> PerformedAt =>
    [
        "2025-03-01T10:15:30+02:00",
        "2025-03-01T10:15:30.1234567+05:30",
        "2025-03-01T10:15:30.999-08:00",
        "2025-03-01T00:00:00Z",
    ];

    [Theory]
    [MemberData(nameof(PerformedAt))]
    public async Task FollowingTheLocation_ListsTheCreatedWorkout_InProcess(string performedAt) =>
        await AssertLocationListsTheWorkoutAsync(await factory.ClientForAsync(ApiFactory.NewUserId()), performedAt);

    [Fact]
    public async Task FollowingTheLocation_ListsAWorkoutLoggedAheadOfTheServersClock()
    {
        // A lifter in UTC+14 may log a workout later than the server's "now"; the list's default end is "now".
        var performedAt = TimeProvider.System.GetUtcNow().AddHours(2).ToOffset(TimeSpan.FromHours(14));

        await AssertLocationListsTheWorkoutAsync(await factory.ClientForAsync(ApiFactory.NewUserId()), performedAt.ToString("O", CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(PerformedAt))]
    public async Task FollowingTheLocation_ListsTheCreatedWorkout_OnRedis(string performedAt)
    {
        using var api = ApiFactory.WithRedis(redis.ConnectionString);

        await AssertLocationListsTheWorkoutAsync(await api.ClientForAsync(ApiFactory.NewUserId()), performedAt);
    }

    private static async Task AssertLocationListsTheWorkoutAsync(HttpClient client, string performedAt)
    {
        var created = await client.PostAsJsonAsync(
            "/api/workouts",
            new
            {
                performedAt,
                durationMinutes = 45,
                exercises = new[] { new { exerciseId = "Barbell_Squat", sets = new[] { new { reps = 5, weight = 100, unit = "kg" } } } },
            },
            Cancel);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var workout = await created.JsonAsync();
        var location = created.Headers.Location;
        Assert.NotNull(location);
        Assert.DoesNotContain("+", location.OriginalString, StringComparison.Ordinal);

        var followed = await client.GetAsync(location, Cancel);

        var listed = await followed.JsonAsync();
        Assert.Equal(JsonValueKind.Array, listed.ValueKind);
        Assert.Contains(listed.EnumerateArray(), w => w.GetProperty("id").GetString() == workout.GetProperty("id").GetString());
    }
}
