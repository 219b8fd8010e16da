using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Security;

/// <summary>Catalog search, workout writes and session starts are rate limited per user like the AI routes.</summary>
public sealed class WriteAndSearchLimitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ConfiguredApiFactory Limited(string group, int limit) => new(new Dictionary<string, string?>
    {
        [$"RateLimiting:Groups:{group}:Window"] = "00:01:00",
        [$"RateLimiting:Groups:{group}:Limits:free"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task CatalogSearch_PastTheFreeLimit_Is429()
    {
        using var api = Limited("catalog", 3);
        var client = await api.ClientForAsync(ApiFactory.NewUserId());

        for (var i = 0; i < 3; i++)
        {
            var ok = await client.GetAsync($"/api/exercises?q=query{i}", Cancel);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.True(ok.Headers.Contains("RateLimit-Policy"));
        }

        var rejected = await client.GetAsync("/api/exercises?q=query3", Cancel);
        await rejected.ProblemAsync(429);
        Assert.NotNull(rejected.Headers.RetryAfter);
    }

    [Fact]
    public async Task SessionStarts_PastTheFreeLimit_Are429()
    {
        using var api = Limited("sessions", 2);
        var client = await api.ClientForAsync(ApiFactory.NewUserId());

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/sessions", new { }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/sessions", new { }, Cancel)).StatusCode);
        await (await client.PostAsJsonAsync("/api/sessions", new { }, Cancel)).ProblemAsync(429);
    }

    [Fact]
    public async Task WorkoutWrites_PastTheFreeLimit_Are429()
    {
        using var api = Limited("workouts", 1);
        var client = await api.ClientForAsync(ApiFactory.NewUserId());
        object Body(int minutes) => new
        {
            performedAt = DateTimeOffset.UtcNow.AddMinutes(-minutes),
            exercises = new[] { new { exerciseId = "Barbell_Squat", sets = new[] { new { reps = 5, weight = 100, unit = "kg" } } } },
        };

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/workouts", Body(10), Cancel)).StatusCode);
        await (await client.PostAsJsonAsync("/api/workouts", Body(20), Cancel)).ProblemAsync(429);
    }
}
