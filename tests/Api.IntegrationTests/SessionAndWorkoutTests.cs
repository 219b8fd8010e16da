using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

public sealed class SessionAndWorkoutTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object Squat(double weight, int reps, string unit = "kg", double? rpe = null) =>
        new { exerciseId = "Barbell_Squat", sets = new[] { new { reps, weight, unit, rpe } } };

    internal static async Task<JsonElement> ImportAsync(HttpClient client, DateTimeOffset at, params object[] exercises)
    {
        var response = await client.PostAsJsonAsync("/api/workouts", new { performedAt = at, durationMinutes = 60, exercises }, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    [Fact]
    public async Task Session_StartedOnOneDevice_IsActiveOnAnother()
    {
        var userId = ApiFactory.NewUserId();
        var phone = await factory.ClientForAsync(userId);
        var watch = await factory.ClientForAsync(userId);

        var start = await phone.PostAsJsonAsync("/api/sessions", new { name = "Leg day" }, Cancel);
        var started = await start.JsonAsync();
        var active = await (await watch.GetAsync("/api/sessions/active", Cancel)).JsonAsync();

        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        Assert.Equal("active", started.GetProperty("status").GetString());
        Assert.Equal(0, started.GetProperty("exercises").GetArrayLength());
        Assert.Equal(started.GetProperty("id").GetString(), active.GetProperty("id").GetString());
        Assert.Equal("Leg day", active.GetProperty("name").GetString());
    }

    [Fact]
    public async Task ActiveSession_WhenNone_Is404()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        await (await client.GetAsync("/api/sessions/active", Cancel)).ProblemAsync(404);
    }

    [Fact]
    public async Task Finish_TwiceReturnsTheSameWorkoutAndStoresItOnce()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());
        var id = (await (await client.PostAsJsonAsync("/api/sessions", new { }, Cancel)).JsonAsync()).GetProperty("id").GetString();

        var first = await (await client.PostAsJsonAsync($"/api/sessions/{id}/finish", new { sessionRpe = 7 }, Cancel)).JsonAsync();
        var second = await (await client.PostAsJsonAsync($"/api/sessions/{id}/finish", new { sessionRpe = 7 }, Cancel)).JsonAsync();
        var history = await (await client.GetAsync("/api/workouts", Cancel)).JsonAsync();

        Assert.Equal(id, first.GetProperty("workoutId").GetString());
        Assert.Equal(id, second.GetProperty("workoutId").GetString());
        Assert.Equal(1, history.GetArrayLength());
        Assert.Equal("session", history[0].GetProperty("source").GetString());
        await (await client.GetAsync("/api/sessions/active", Cancel)).ProblemAsync(404);
        var workouts = await (await client.GetAsync("/api/leaderboards/workouts?period=week", Cancel)).JsonAsync();
        Assert.False(workouts.TryGetProperty("me", out _), "an empty session must not count on the workouts board");
    }

    [Fact]
    public async Task Discard_EndsTheSessionWithoutHistory_AndADiscardedSessionCannotBeFinished()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());
        var id = (await (await client.PostAsJsonAsync("/api/sessions", new { }, Cancel)).JsonAsync()).GetProperty("id").GetString();

        var discarded = await (await client.DeleteAsync($"/api/sessions/{id}", Cancel)).JsonAsync();

        Assert.Equal("discarded", discarded.GetProperty("status").GetString());
        await (await client.PostAsJsonAsync($"/api/sessions/{id}/finish", new { }, Cancel)).ProblemAsync(409);
        Assert.Equal(0, (await (await client.GetAsync("/api/workouts", Cancel)).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task UnknownSession_Is404()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        await (await client.GetAsync("/api/sessions/0123456789abcdef0123456789abcdef", Cancel)).ProblemAsync(404);
        await (await client.PostAsJsonAsync("/api/sessions/not-a-session/finish", new { }, Cancel)).ProblemAsync(404);
    }

    [Fact]
    public async Task Import_ComputesE1rmPerSetAndDetectsPersonalRecords()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());
        var now = DateTimeOffset.UtcNow;

        var first = await ImportAsync(client, now.AddDays(-3), Squat(100, 5, rpe: 8));
        var weaker = await ImportAsync(client, now.AddDays(-2), Squat(90, 5, rpe: 8));
        var stronger = await ImportAsync(client, now.AddDays(-1), Squat(265, 5, "lb", 9));

        var set = first.GetProperty("exercises")[0].GetProperty("sets")[0];
        Assert.Equal(123.3, set.GetProperty("e1rmKg").GetDouble());
        Assert.Equal(500, first.GetProperty("totalVolumeKg").GetDouble());
        Assert.Equal(1, first.GetProperty("personalRecords").GetArrayLength());
        Assert.Equal(0, weaker.GetProperty("personalRecords").GetArrayLength());
        var record = stronger.GetProperty("personalRecords")[0];
        Assert.Equal("Barbell_Squat", record.GetProperty("exerciseId").GetString());
        Assert.Equal(123.3, record.GetProperty("previousBestKg").GetDouble());
        Assert.True(record.GetProperty("e1rmKg").GetDouble() > 140);
    }

    [Fact]
    public async Task List_FiltersByRange()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());
        var now = DateTimeOffset.UtcNow;
        await ImportAsync(client, now.AddDays(-40), Squat(100, 5));
        await ImportAsync(client, now.AddDays(-5), Squat(100, 5));

        var lastMonth = await (await client.GetAsync("/api/workouts", Cancel)).JsonAsync();
        var all = await (await client.GetAsync($"/api/workouts?from={Uri.EscapeDataString(now.AddDays(-60).ToString("O"))}", Cancel)).JsonAsync();

        Assert.Equal(1, lastMonth.GetArrayLength());
        Assert.Equal(2, all.GetArrayLength());
    }

    [Theory]
    [InlineData("{\"performedAt\":\"2026-01-01T10:00:00Z\",\"exercises\":[{\"exerciseId\":\"Barbell_Squat\",\"sets\":[{\"reps\":5,\"weight\":5000,\"unit\":\"kg\"}]}]}", "exercises[0].sets[0].weight")]
    [InlineData("{\"performedAt\":\"2026-01-01T10:00:00Z\",\"exercises\":[{\"exerciseId\":\"Barbell_Squat\",\"sets\":[{\"reps\":1000}]}]}", "exercises[0].sets[0].reps")]
    [InlineData("{\"performedAt\":\"2026-01-01T10:00:00Z\",\"exercises\":[{\"exerciseId\":\"Moon_Squat\",\"sets\":[{\"reps\":5}]}]}", "exercises[0].exerciseId")]
    [InlineData("{\"performedAt\":\"2026-01-01T10:00:00Z\",\"exercises\":[]}", "exercises")]
    [InlineData("{\"exercises\":[{\"exerciseId\":\"Barbell_Squat\",\"sets\":[{\"reps\":5}]}]}", "performedAt")]
    [InlineData("{\"performedAt\":\"2026-01-01T10:00:00Z\",\"exercises\":[{\"exerciseId\":\"Barbell_Squat\",\"sets\":[{\"reps\":\"ten\"}]}]}", "exercises[0].sets[0].reps")]
    public async Task Import_WithAbsurdOrInvalidData_Is400NamingTheFieldAndStoresNothing(string json, string field)
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.PostAsync("/api/workouts", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Cancel);

        var errors = (await response.ProblemAsync(400)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        var all = await (await client.GetAsync("/api/workouts?from=2025-01-01T00:00:00Z", Cancel)).JsonAsync();
        Assert.Equal(0, all.GetArrayLength());
    }

    [Fact]
    public async Task Leaderboards_RankUsersByVolumeAndIncludeMe()
    {
        var strong = await factory.ClientForAsync(ApiFactory.NewUserId("strong"));
        var light = await factory.ClientForAsync(ApiFactory.NewUserId("light"));
        var now = DateTimeOffset.UtcNow;
        await ImportAsync(strong, now, Squat(200, 5));
        await ImportAsync(light, now, Squat(60, 5));

        var board = await (await light.GetAsync("/api/leaderboards/volume?period=week&limit=100", Cancel)).JsonAsync();
        var e1rm = await (await light.GetAsync("/api/leaderboards/e1rm:Barbell_Squat?period=all&limit=100", Cancel)).JsonAsync();

        var entries = board.GetProperty("entries").EnumerateArray().ToList();
        var strongRank = entries.First(e => e.GetProperty("score").GetDouble() == 1000).GetProperty("rank").GetInt32();
        var me = board.GetProperty("me");
        Assert.Equal(300, me.GetProperty("score").GetDouble());
        Assert.True(me.GetProperty("rank").GetInt32() > strongRank);
        Assert.Equal(70, e1rm.GetProperty("me").GetProperty("score").GetDouble());
    }

    [Theory]
    [InlineData("/api/leaderboards/popularity", "board")]
    [InlineData("/api/leaderboards/e1rm:Moon_Squat", "board")]
    [InlineData("/api/leaderboards/volume?period=year", "period")]
    [InlineData("/api/leaderboards/volume?limit=0", "limit")]
    public async Task Leaderboards_WithUnknownBoardOrPeriod_Are400(string url, string field)
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var errors = (await (await client.GetAsync(url, Cancel)).ProblemAsync(400)).GetProperty("errors");

        Assert.True(errors.TryGetProperty(field, out _));
    }
}
