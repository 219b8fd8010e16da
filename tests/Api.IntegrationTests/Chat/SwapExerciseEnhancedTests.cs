using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Chat;

/// <summary><c>POST /api/chat/swap-exercise-enhanced</c>: a swap in everyday words, read for the exercise, the equipment and what hurts.</summary>
public sealed class SwapExerciseEnhancedTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonElement> SwapAsync(string message)
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");
        return await (await client.PostAsJsonAsync("/api/chat/swap-exercise-enhanced", new { message }, Cancel)).JsonAsync();
    }

    [Fact]
    public async Task NoRackSwapMySquatsOnlyDumbbells_FindsASquat_AndGivesDumbbellSquats()
    {
        var body = await SwapAsync("no rack at home, swap my squats, I only have dumbbells");

        var original = body.GetProperty("original");
        Assert.Contains("quadriceps", original.GetProperty("primaryMuscles").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("Squat", original.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(["dumbbell"], body.GetProperty("equipment").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["barbell"], body.GetProperty("excludedEquipment").EnumerateArray().Select(e => e.GetString()));
        var substitutes = body.GetProperty("substitutes").EnumerateArray().ToList();
        Assert.NotEmpty(substitutes);
        Assert.All(substitutes, s => Assert.Equal("dumbbell", s.GetProperty("exercise").GetProperty("equipment").GetString()));
        Assert.Contains("Best fit:", body.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.All(body.GetProperty("sources").EnumerateArray(), s => Assert.Equal("exercise-substitution", s.GetProperty("namespace").GetString()));
    }

    [Fact]
    public async Task BenchKillsMyShoulder_ReadsTheShoulder_AndOffersNoPressing()
    {
        var body = await SwapAsync("bench press kills my shoulder, what can I do instead?");

        Assert.Contains("Bench Press", body.GetProperty("original").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(["shoulder"], body.GetProperty("injuries").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain(body.GetProperty("substitutes").EnumerateArray(),
            s => s.GetProperty("exercise").GetProperty("name").GetString()!.Contains("Press", StringComparison.Ordinal));
        Assert.Contains("nothing that loads your shoulder", body.GetProperty("explanation").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessageNamingNoExercise_Is400NamingMessage()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        (await (await client.PostAsJsonAsync("/api/chat/swap-exercise-enhanced", new { message = "hello there, how are you" }, Cancel)).BadRequestAsync())
            .AssertErrorsName("message");
        (await (await client.PostAsJsonAsync("/api/chat/swap-exercise-enhanced", new { message = "" }, Cancel)).BadRequestAsync())
            .AssertErrorsName("message");
    }
}
