using System.Net.Http.Json;
using System.Text.Json;
using FitCoach.Domain.Exercises;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Chat;

/// <summary><c>POST /api/chat/swap-exercise</c>: the exercise by id or by the name people use, and what to do instead.</summary>
public sealed class SwapExerciseTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> SwapAsync(HttpClient client, object body) =>
        await (await client.PostAsJsonAsync("/api/chat/swap-exercise", body, Cancel)).JsonAsync();

    [Fact]
    public async Task ByAbbreviation_WithDumbbellsOnly_FindsTheExercise_AndKeepsTheFilter()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var body = await SwapAsync(client, new { exercise = "rdl", equipment = new[] { "dumbbell" } });

        Assert.Equal("Romanian_Deadlift", body.GetProperty("original").GetProperty("id").GetString());
        Assert.Equal("name", body.GetProperty("matchedBy").GetString());
        var substitutes = body.GetProperty("substitutes").EnumerateArray().ToList();
        Assert.NotEmpty(substitutes);
        Assert.All(substitutes, s =>
        {
            Assert.Equal("dumbbell", s.GetProperty("exercise").GetProperty("equipment").GetString());
            Assert.Contains("hamstrings", s.GetProperty("exercise").GetProperty("primaryMuscles").EnumerateArray().Select(m => m.GetString()));
        });
    }

    [Fact]
    public async Task ById_WithAPainfulKneeInTheReason_LeavesOutKneeBending()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var body = await SwapAsync(client, new { exercise = "Barbell_Squat", reason = "my knee hurts at the bottom" });

        Assert.Equal("id", body.GetProperty("matchedBy").GetString());
        Assert.Equal(["knee"], body.GetProperty("injuries").EnumerateArray().Select(r => r.GetString()));
        Assert.All(body.GetProperty("substitutes").EnumerateArray(), s =>
        {
            var name = s.GetProperty("exercise").GetProperty("name").GetString()!;
            Assert.DoesNotContain("Squat", name, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Lunge", name, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task ANameThatMatchesNothing_Is404_AndNothingIsCreated()
    {
        var user = ApiFactory.NewUserId();
        var client = await factory.ClientForAsync(user, "unlimited");

        await (await client.PostAsJsonAsync("/api/chat/swap-exercise", new { exercise = "qwzx plorp" }, Cancel)).ProblemAsync(404);

        var mine = await client.GetFromJsonAsync<JsonElement>("/api/exercises?q=qwzx%20plorp", Cancel);
        Assert.DoesNotContain(mine.EnumerateArray(), e => e.GetProperty("custom").GetBoolean());
    }

    [Fact]
    public async Task MissingExercise_AndUnknownEquipment_Are400sNamingTheField()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        (await (await client.PostAsJsonAsync("/api/chat/swap-exercise", new { reason = "no rack" }, Cancel)).BadRequestAsync()).AssertErrorsName("exercise");
        (await (await client.PostAsJsonAsync("/api/chat/swap-exercise", new { exercise = "squat", equipment = new[] { "dumbbell", "jetpack" } }, Cancel)).BadRequestAsync())
            .AssertErrorsName("equipment[1]");
    }
}
