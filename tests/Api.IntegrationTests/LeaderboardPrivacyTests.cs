using System.Net.Http.Json;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

/// <summary>Public boards never show a user's token <c>sub</c> (often an e-mail address), only a stable pseudonym.</summary>
public sealed class LeaderboardPrivacyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Entries_CarryAStablePseudonym_NeverTheSub()
    {
        var sub = $"carol.smith.{Guid.NewGuid():N}@example.com";
        var carol = await api.ClientForAsync(sub);
        var viewer = await api.ClientForAsync(ApiFactory.NewUserId("viewer"));
        var body = new
        {
            performedAt = DateTimeOffset.UtcNow.AddMinutes(-30),
            exercises = new[] { new { exerciseId = "Barbell_Squat", sets = new[] { new { reps = 5, weight = 120, unit = "kg" } } } },
        };
        await (await carol.PostAsJsonAsync("/api/workouts", body, Cancel)).JsonAsync();

        var seen = await (await viewer.GetAsync("/api/leaderboards/e1rm:Barbell_Squat?period=week&limit=100", Cancel)).JsonAsync();
        var again = await (await viewer.GetAsync("/api/leaderboards/e1rm:Barbell_Squat?period=all&limit=100", Cancel)).JsonAsync();
        var own = await (await carol.GetAsync("/api/leaderboards/e1rm:Barbell_Squat?period=week&limit=100", Cancel)).JsonAsync();

        Assert.DoesNotContain(sub, seen.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("carol", seen.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var carolsId = seen.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("score").GetDouble() == 140.0).GetProperty("userId").GetString();
        Assert.StartsWith("p_", carolsId, StringComparison.Ordinal);
        Assert.Contains(again.GetProperty("entries").EnumerateArray(), e => e.GetProperty("userId").GetString() == carolsId);
        Assert.Equal(140.0, own.GetProperty("me").GetProperty("score").GetDouble());
    }
}
