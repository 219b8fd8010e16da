using System.Net.Http.Json;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Exercises;

/// <summary><c>POST /api/exercises/substitutes/explain</c>: why one exercise can or cannot replace another, with cited guidance.</summary>
public sealed class ExplainSubstituteTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GobletSquatForBackSquat_IsALikeForLikeSwap_WithLoadAdvice_AndCitedPassages()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var body = await (await client.PostAsJsonAsync("/api/exercises/substitutes/explain",
            new { exerciseId = "Barbell_Squat", substituteId = "Goblet_Squat" }, Cancel)).JsonAsync();

        var explanation = body.GetProperty("explanation").GetString()!;
        Assert.True(body.GetProperty("keepsMainMuscle").GetBoolean());
        Assert.Contains("squat pattern", explanation, StringComparison.Ordinal);
        Assert.Contains("quadriceps", explanation, StringComparison.Ordinal);
        Assert.Contains("start light", explanation, StringComparison.Ordinal);
        var sources = body.GetProperty("sources").EnumerateArray().ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.Contains(s.GetProperty("namespace").GetString(), new[] { "exercise-substitution", "exercises", "squat-technique" }));
        Assert.Contains("[1]", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACurlForASquat_IsSaidNotToReplaceIt()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var body = await (await client.PostAsJsonAsync("/api/exercises/substitutes/explain",
            new { exerciseId = "Barbell_Squat", substituteId = "Dumbbell_Bicep_Curl" }, Cancel)).JsonAsync();

        Assert.False(body.GetProperty("keepsMainMuscle").GetBoolean());
        Assert.Contains("does not replace Barbell Squat", body.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        Assert.True(body.GetProperty("similarity").GetDouble() < 0.3);
    }

    [Fact]
    public async Task MissingIds_Are400s_AndAnUnknownId_Is404()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        (await (await client.PostAsJsonAsync("/api/exercises/substitutes/explain", new { exerciseId = "Barbell_Squat" }, Cancel)).BadRequestAsync())
            .AssertErrorsName("substituteId");
        await (await client.PostAsJsonAsync("/api/exercises/substitutes/explain",
            new { exerciseId = "Barbell_Squat", substituteId = "Not_An_Exercise" }, Cancel)).ProblemAsync(404);
    }
}
