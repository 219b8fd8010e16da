using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

public sealed class ExerciseCatalogTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<JsonElement> MatchAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/exercises/create-or-match", body, TestContext.Current.CancellationToken);
        return await response.JsonAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PunctuationOnlyQuery_AndNoQuery_AreCachedApart(bool punctuationFirst)
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());
        var filters = punctuationFirst ? "equipment=kettlebells&limit=7" : "equipment=kettlebells&limit=6";
        async Task<int> Count(string url) =>
            (await client.GetFromJsonAsync<JsonElement>(url, TestContext.Current.CancellationToken)).GetArrayLength();

        var first = punctuationFirst ? await Count($"/api/exercises?q=%21%21%21&{filters}") : await Count($"/api/exercises?{filters}");
        var second = punctuationFirst ? await Count($"/api/exercises?{filters}") : await Count($"/api/exercises?q=%21%21%21&{filters}");

        var (punctuation, none) = punctuationFirst ? (first, second) : (second, first);
        Assert.Equal(0, punctuation); // text that matches nothing finds nothing
        Assert.True(none > 0, "no query lists the catalog, whatever was asked before");
    }

    [Fact]
    public async Task List_WithoutFilters_ReturnsContractShapedExercises()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var list = await (await client.GetAsync("/api/exercises?limit=5", TestContext.Current.CancellationToken)).JsonAsync();

        Assert.Equal(5, list.GetArrayLength());
        foreach (var exercise in list.EnumerateArray())
        {
            foreach (var field in new[] { "id", "name", "equipment", "primaryMuscles", "secondaryMuscles", "category", "level" })
            {
                Assert.True(exercise.TryGetProperty(field, out _), $"missing {field}");
            }
        }
    }

    [Fact]
    public async Task List_FilteredByEquipmentAndMuscle_ReturnsOnlyThose()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var list = await (await client.GetAsync("/api/exercises?equipment=dumbbell&muscle=chest&limit=100", TestContext.Current.CancellationToken)).JsonAsync();

        Assert.True(list.GetArrayLength() > 5);
        Assert.All(list.EnumerateArray(), e =>
        {
            Assert.Equal("dumbbell", e.GetProperty("equipment").GetString());
            var muscles = e.GetProperty("primaryMuscles").EnumerateArray().Concat(e.GetProperty("secondaryMuscles").EnumerateArray()).Select(m => m.GetString());
            Assert.Contains("chest", muscles);
        });
    }

    [Fact]
    public async Task List_WithAbbreviationQuery_RanksTheMeantLiftFirst()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var list = await (await client.GetAsync("/api/exercises?q=rdl&limit=5", TestContext.Current.CancellationToken)).JsonAsync();

        Assert.Contains("Romanian", list[0].GetProperty("name").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task List_WithWordQuery_IncludesEveryNameContainingIt()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var list = await (await client.GetAsync("/api/exercises?q=curl&limit=100", TestContext.Current.CancellationToken)).JsonAsync();

        Assert.True(list.GetArrayLength() >= 20, $"only {list.GetArrayLength()} curls");
    }

    [Theory]
    [InlineData("/api/exercises?equipment=spaceship", "equipment")]
    [InlineData("/api/exercises?muscle=wings", "muscle")]
    [InlineData("/api/exercises?limit=0", "limit")]
    [InlineData("/api/exercises?limit=1000", "limit")]
    public async Task List_WithBadFilter_Is400NamingIt(string url, string field)
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var problem = await (await client.GetAsync(url, TestContext.Current.CancellationToken)).ProblemAsync(400);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Get_ByCatalogId_ReturnsIt()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var exercise = await (await client.GetAsync("/api/exercises/Barbell_Squat", TestContext.Current.CancellationToken)).JsonAsync();

        Assert.Equal("Barbell_Squat", exercise.GetProperty("id").GetString());
        Assert.Equal("barbell", exercise.GetProperty("equipment").GetString());
        Assert.Contains("quadriceps", exercise.GetProperty("primaryMuscles").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Get_UnknownId_Is404()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        await (await client.GetAsync("/api/exercises/Not_An_Exercise", TestContext.Current.CancellationToken)).ProblemAsync(404);
    }

    [Theory]
    [InlineData("bench", "Barbell_Bench_Press_-_Medium_Grip")]
    [InlineData("squats", "Barbell_Squat")]
    [InlineData("deadlift", "Barbell_Deadlift")]
    [InlineData("pullups", "Pullups")]
    public async Task CreateOrMatch_WithABareLiftName_ReturnsTheCanonicalLift(string name, string expectedId)
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var result = await MatchAsync(client, new { name });

        Assert.True(result.GetProperty("matched").GetBoolean());
        Assert.False(result.GetProperty("created").GetBoolean());
        Assert.Equal(expectedId, result.GetProperty("exercise").GetProperty("id").GetString());
        Assert.InRange(result.GetProperty("score").GetDouble(), 0.0, 1.0);
    }

    [Fact]
    public async Task CreateOrMatch_WhenWordsFail_MatchesByMeaningOnlyWhatIsClearlyACatalogExercise()
    {
        await factory.WaitUntilHybridAsync();
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var byName = await MatchAsync(client, new { name = "db bench press" });
        var byMeaning = await MatchAsync(client, new { name = "Atlantis leg press" });
        var novel = await MatchAsync(client, new { name = "Copenhagen plank" });

        Assert.Equal("name", byName.GetProperty("matchedBy").GetString());
        Assert.True(byMeaning.GetProperty("matched").GetBoolean());
        Assert.False(byMeaning.GetProperty("created").GetBoolean());
        Assert.Equal("meaning", byMeaning.GetProperty("matchedBy").GetString());
        Assert.Equal("Leg_Press", byMeaning.GetProperty("exercise").GetProperty("id").GetString());
        Assert.InRange(byMeaning.GetProperty("score").GetDouble(), 0.7, 1.0);
        Assert.True(novel.GetProperty("created").GetBoolean());
        Assert.False(novel.TryGetProperty("matchedBy", out var none) && none.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task CreateOrMatch_WhenNothingMatches_CreatesACustomExerciseOnlyThatUserMatches()
    {
        var owner = await factory.ClientForAsync(ApiFactory.NewUserId("owner"));
        var other = await factory.ClientForAsync(ApiFactory.NewUserId("other"));

        var created = await MatchAsync(owner, new { name = "Zorblax Wobble Hold", equipment = "bands", primaryMuscles = new[] { "quads" } });
        var again = await MatchAsync(owner, new { name = "zorblax wobble hold" });
        var othersView = await MatchAsync(other, new { name = "Zorblax Wobble Hold" });

        Assert.True(created.GetProperty("created").GetBoolean());
        var exercise = created.GetProperty("exercise");
        Assert.Equal("bands", exercise.GetProperty("equipment").GetString());
        Assert.Equal(["quadriceps"], exercise.GetProperty("primaryMuscles").EnumerateArray().Select(m => m.GetString()));
        Assert.True(again.GetProperty("matched").GetBoolean());
        Assert.False(again.GetProperty("created").GetBoolean());
        Assert.Equal(exercise.GetProperty("id").GetString(), again.GetProperty("exercise").GetProperty("id").GetString());
        Assert.True(othersView.GetProperty("created").GetBoolean());
    }

    [Fact]
    public async Task CreateOrMatch_CreatedExercise_IsListedAndReadableForItsOwnerOnly()
    {
        var owner = await factory.ClientForAsync(ApiFactory.NewUserId("owner"));
        var other = await factory.ClientForAsync(ApiFactory.NewUserId("other"));
        _ = await (await owner.GetAsync("/api/exercises?q=quibble", TestContext.Current.CancellationToken)).JsonAsync();

        var created = await MatchAsync(owner, new { name = "Quibble Flarn Press" });
        var id = created.GetProperty("exercise").GetProperty("id").GetString();
        var ownersSearch = await (await owner.GetAsync("/api/exercises?q=quibble", TestContext.Current.CancellationToken)).JsonAsync();

        Assert.Contains(id, ownersSearch.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/exercises/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/exercises/{id}", TestContext.Current.CancellationToken)).StatusCode);
    }
}
