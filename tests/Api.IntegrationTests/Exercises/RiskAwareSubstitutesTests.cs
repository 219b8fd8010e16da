using System.Net.Http.Json;
using System.Text.Json;
using FitCoach.Domain.Exercises;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Exercises;

/// <summary><c>POST /api/exercises/substitutes/risk-aware</c>: what an injured lifter can do instead, what was left out and why.</summary>
public sealed class RiskAwareSubstitutesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static MovementPattern PatternOf(JsonElement exercise) => MovementPatterns.Of(new Exercise(
        exercise.GetProperty("id").GetString()!,
        exercise.GetProperty("name").GetString()!,
        exercise.GetProperty("equipment").GetString()!,
        [.. exercise.GetProperty("primaryMuscles").EnumerateArray().Select(m => m.GetString()!)],
        [.. exercise.GetProperty("secondaryMuscles").EnumerateArray().Select(m => m.GetString()!)],
        exercise.GetProperty("category").GetString()!,
        exercise.GetProperty("level").GetString()!,
        null,
        null));

    [Fact]
    public async Task Squat_WithAnInjuredKnee_AvoidsKneeBending_SaysWhy_AndCitesInjuryPassages()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var body = await (await client.PostAsJsonAsync("/api/exercises/substitutes/risk-aware",
            new { exerciseId = "Barbell_Squat", injuries = new[] { "knee" } }, Cancel)).JsonAsync();

        Assert.All(body.GetProperty("substitutes").EnumerateArray(), s =>
            Assert.DoesNotContain(PatternOf(s.GetProperty("exercise")), new[] { MovementPattern.Squat, MovementPattern.Lunge, MovementPattern.KneeExtension, MovementPattern.Plyometric }));
        var avoided = body.GetProperty("avoided").EnumerateArray().ToList();
        Assert.NotEmpty(avoided);
        Assert.All(avoided, a => Assert.Contains("knee", a.GetProperty("reason").GetString(), StringComparison.Ordinal));
        Assert.Contains("knee", body.GetProperty("originalRisk").GetString(), StringComparison.Ordinal);
        var sources = body.GetProperty("sources").EnumerateArray().ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.Contains(s.GetProperty("namespace").GetString(), new[] { "injury-prevention", "exercise-substitution" }));
    }

    [Fact]
    public async Task Bench_WithAnInjuredLowerBack_AndDumbbellsOnly_KeepsBothFilters()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var body = await (await client.PostAsJsonAsync("/api/exercises/substitutes/risk-aware",
            new { exerciseId = "Barbell_Bench_Press_-_Medium_Grip", injuries = new[] { "lower_back" }, equipment = new[] { "dumbbell" } }, Cancel)).JsonAsync();

        var substitutes = body.GetProperty("substitutes").EnumerateArray().ToList();
        Assert.NotEmpty(substitutes);
        Assert.All(substitutes, s => Assert.Equal("dumbbell", s.GetProperty("exercise").GetProperty("equipment").GetString()));
        Assert.Equal(JsonValueKind.Null, body.TryGetProperty("originalRisk", out var risk) ? risk.ValueKind : JsonValueKind.Null);
    }

    [Fact]
    public async Task UnknownRegion_NoInjuries_AndUnknownEquipment_Are400sNamingTheField()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");
        async Task<JsonElement> Post(object body) =>
            await (await client.PostAsJsonAsync("/api/exercises/substitutes/risk-aware", body, Cancel)).BadRequestAsync();

        (await Post(new { exerciseId = "Barbell_Squat", injuries = new[] { "knee", "spleen" } })).AssertErrorsName("injuries[1]");
        (await Post(new { exerciseId = "Barbell_Squat", injuries = Array.Empty<string>() })).AssertErrorsName("injuries");
        (await Post(new { exerciseId = "Barbell_Squat", injuries = new[] { "knee" }, equipment = new[] { "hovercraft" } })).AssertErrorsName("equipment[0]");
        (await Post(new { injuries = new[] { "knee" } })).AssertErrorsName("exerciseId");
    }

    [Fact]
    public async Task UnknownExercise_Is404()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        await (await client.PostAsJsonAsync("/api/exercises/substitutes/risk-aware",
            new { exerciseId = "Not_An_Exercise", injuries = new[] { "knee" } }, Cancel)).ProblemAsync(404);
    }
}
