using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Injury;

/// <summary><c>POST /api/injury/analyze</c> through the real pipeline: red flags, negations, the region, what to avoid, the cache.</summary>
public sealed class AnalyzeInjuryTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonElement> AnalyzeAsync(object body, string? user = null)
    {
        var client = await factory.ClientForAsync(user ?? ApiFactory.NewUserId(), "unlimited");
        return await (await client.PostAsJsonAsync("/api/injury/analyze", body, Cancel)).JsonAsync();
    }

    [Fact]
    public async Task NumbnessDownTheLeg_IsARedFlag_HighSeverity_SeeAProfessional()
    {
        var body = await AnalyzeAsync(new { description = "tweaked my lower back deadlifting and now there's numbness going down my left leg" });

        Assert.Equal("lower_back", body.GetProperty("bodyRegion").GetString());
        Assert.Equal("high", body.GetProperty("severity").GetString());
        Assert.True(body.GetProperty("seeProfessional").GetBoolean());
        Assert.NotEmpty(body.GetProperty("redFlags").EnumerateArray());
        Assert.Contains("warning signs", body.GetProperty("advice").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeniedSigns_RaiseNothing_AndTheKneeGetsWhatToAvoidAndWhatToDoInstead()
    {
        var body = await AnalyzeAsync(new { description = "front of my knee aches after squats, no swelling, never gave way, no pop", painLevel = 3 });

        Assert.Equal("knee", body.GetProperty("bodyRegion").GetString());
        Assert.Empty(body.GetProperty("redFlags").EnumerateArray());
        Assert.False(body.GetProperty("seeProfessional").GetBoolean());
        Assert.Equal("low", body.GetProperty("severity").GetString());
        var avoid = body.GetProperty("avoidExercises").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Contains("Barbell_Squat", avoid);
        var instead = body.GetProperty("substitutes").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(instead);
        Assert.DoesNotContain("Barbell_Squat", instead);
        Assert.All(body.GetProperty("likelyIssues").EnumerateArray(), i => Assert.StartsWith("Possibly", i.GetString(), StringComparison.Ordinal));
        Assert.NotEmpty(body.GetProperty("sources").EnumerateArray());
    }

    [Fact]
    public async Task AGivenRegion_OverridesTheText()
    {
        var body = await AnalyzeAsync(new { description = "it hurts when I press overhead", bodyRegion = "elbow" });

        Assert.Equal("elbow", body.GetProperty("bodyRegion").GetString());
    }

    [Fact]
    public async Task TheSameDescription_IsAnsweredFromTheCache()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");
        var description = $"hip feels pinchy at the bottom of my squat {Guid.NewGuid():N}";
        async Task<double> Hits()
        {
            var metrics = await client.GetStringAsync("/metrics", Cancel);
            var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("fitcoach_cache_hits_total{cache=\"injury-analysis\"}", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
        }

        var before = await Hits();
        var first = await (await client.PostAsJsonAsync("/api/injury/analyze", new { description }, Cancel)).JsonAsync();
        var second = await (await client.PostAsJsonAsync("/api/injury/analyze", new { description = description.ToUpperInvariant() + "!" }, Cancel)).JsonAsync();

        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Equal(before + 1, await Hits());
    }

    [Fact]
    public async Task NoDescription_AnUnknownRegion_AndABadPainLevel_Are400sNamingTheField()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");
        async Task<JsonElement> Post(object body) => await (await client.PostAsJsonAsync("/api/injury/analyze", body, Cancel)).BadRequestAsync();

        (await Post(new { description = "" })).AssertErrorsName("description");
        (await Post(new { description = "sore", bodyRegion = "spleen" })).AssertErrorsName("bodyRegion");
        (await Post(new { description = "sore", painLevel = 11 })).AssertErrorsName("painLevel");
    }
}
