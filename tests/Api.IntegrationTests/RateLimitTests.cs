using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

public sealed class RateLimitTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    internal static Task<HttpResponseMessage> MatchAsync(HttpClient client) =>
        client.PostAsJsonAsync("/api/exercises/create-or-match", new { name = "barbell squat" }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task FreeTier_Gets429WithRetryAfterOnThe31stCreateOrMatchInAMinute()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "free");
        for (var i = 1; i <= 30; i++)
        {
            var ok = await MatchAsync(client);
            Assert.True(ok.StatusCode == HttpStatusCode.OK, $"call {i} was {(int)ok.StatusCode}");
        }

        var rejected = await MatchAsync(client);

        var problem = await rejected.ProblemAsync(429);
        var retryAfter = int.Parse(rejected.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("ai-other", problem.GetProperty("group").GetString());
        Assert.Equal("\"ai-other\";q=30;w=60", rejected.Headers.GetValues("RateLimit-Policy").Single());
        Assert.StartsWith("\"ai-other\";r=0;t=", rejected.Headers.GetValues("RateLimit").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowedResponses_CarryPolicyAndRemainingHeaders()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "premium");

        var first = await MatchAsync(client);
        var second = await MatchAsync(client);

        Assert.Equal("\"ai-other\";q=150;w=60", first.Headers.GetValues("RateLimit-Policy").Single());
        Assert.StartsWith("\"ai-other\";r=149;t=", first.Headers.GetValues("RateLimit").Single(), StringComparison.Ordinal);
        Assert.StartsWith("\"ai-other\";r=148;t=", second.Headers.GetValues("RateLimit").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnlimitedTier_IsNeverLimited()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        for (var i = 0; i < 45; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await MatchAsync(client)).StatusCode);
        }
    }

    [Fact]
    public async Task Limits_ArePerUser()
    {
        var busy = await factory.ClientForAsync(ApiFactory.NewUserId(), "free");
        var quiet = await factory.ClientForAsync(ApiFactory.NewUserId(), "free");
        for (var i = 0; i < 31; i++)
        {
            await MatchAsync(busy);
        }

        Assert.Equal(HttpStatusCode.OK, (await MatchAsync(quiet)).StatusCode);
    }

    [Fact]
    public async Task UnlimitedRoutes_CarryNoRateLimitHeaders()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "free");

        var response = await client.GetAsync("/api/exercises/Barbell_Squat", TestContext.Current.CancellationToken);

        Assert.False(response.Headers.Contains("RateLimit-Policy"));
    }
}
