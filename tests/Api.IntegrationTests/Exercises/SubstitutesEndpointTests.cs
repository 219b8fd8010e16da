using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Exercises;

/// <summary><c>GET /api/exercises/substitutes</c> through the real pipeline: the contract's shape, the equipment filter, errors.</summary>
public sealed class SubstitutesEndpointTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BarbellSquat_WithDumbbellsAndBodyweight_ListsOnlyThose_WithSimilarityAndReason()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var body = await client.GetFromJsonAsync<JsonElement>("/api/exercises/substitutes?exerciseId=Barbell_Squat&equipment=dumbbell,%20bodyweight&limit=8", Cancel);

        Assert.Equal("Barbell_Squat", body.GetProperty("exercise").GetProperty("id").GetString());
        var substitutes = body.GetProperty("substitutes").EnumerateArray().ToList();
        Assert.InRange(substitutes.Count, 3, 8);
        Assert.All(substitutes, s =>
        {
            var exercise = s.GetProperty("exercise");
            Assert.Contains(exercise.GetProperty("equipment").GetString(), new[] { "dumbbell", "bodyweight" });
            Assert.Contains("quadriceps", exercise.GetProperty("primaryMuscles").EnumerateArray().Select(m => m.GetString()));
            Assert.NotEqual("Barbell_Squat", exercise.GetProperty("id").GetString());
            Assert.InRange(s.GetProperty("similarity").GetDouble(), 0, 1);
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("reason").GetString()));
        });
        Assert.Contains("squat", substitutes[0].GetProperty("exercise").GetProperty("name").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WithoutEquipment_AnyEquipmentMayBeUsed_AndTheDefaultLimitIsTen()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var body = await client.GetFromJsonAsync<JsonElement>("/api/exercises/substitutes?exerciseId=Wide-Grip_Lat_Pulldown", Cancel);

        Assert.Equal(10, body.GetProperty("substitutes").GetArrayLength());
    }

    [Fact]
    public async Task UnknownEquipment_MissingId_AndABadLimit_Are400sNamingTheField()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var equipment = await (await client.GetAsync("/api/exercises/substitutes?exerciseId=Barbell_Squat&equipment=dumbbell,spaceship", Cancel)).BadRequestAsync();
        equipment.AssertErrorsName("equipment");
        Assert.Contains("spaceship", equipment.GetRawText(), StringComparison.Ordinal);

        (await (await client.GetAsync("/api/exercises/substitutes", Cancel)).BadRequestAsync()).AssertErrorsName("exerciseId");
        (await (await client.GetAsync("/api/exercises/substitutes?exerciseId=Barbell_Squat&limit=0", Cancel)).BadRequestAsync()).AssertErrorsName("limit");
    }

    [Fact]
    public async Task UnknownExercise_Is404()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        await (await client.GetAsync("/api/exercises/substitutes?exerciseId=Not_An_Exercise", Cancel)).ProblemAsync(404);
    }

    [Fact]
    public async Task YourOwnExercise_GetsCatalogSubstitutes()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());
        var created = await (await client.PostAsJsonAsync("/api/exercises/create-or-match",
            new { name = "Zorblax machine quad thing", equipment = "machine", primaryMuscles = new[] { "quadriceps" } }, Cancel)).JsonAsync();
        var id = created.GetProperty("exercise").GetProperty("id").GetString();

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/exercises/substitutes?exerciseId={Uri.EscapeDataString(id!)}&limit=5", Cancel);

        Assert.Equal(id, body.GetProperty("exercise").GetProperty("id").GetString());
        Assert.All(body.GetProperty("substitutes").EnumerateArray(),
            s => Assert.Contains("quadriceps", s.GetProperty("exercise").GetProperty("primaryMuscles").EnumerateArray().Select(m => m.GetString())));
    }
}
