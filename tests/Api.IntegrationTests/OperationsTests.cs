using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

public sealed class OperationsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Health_OnEmbeddedDefaults_IsHealthyWithEveryCheck()
    {
        var response = await factory.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        var health = await response.JsonAsync();
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        foreach (var check in new[] { "redis", "knowledge", "model" })
        {
            Assert.Equal("Healthy", health.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Metrics_ExposeRouteLatencyCacheAndRateLimitSeries()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());
        await client.PostAsJsonAsync("/api/exercises/create-or-match", new { name = "lat pulldown" }, TestContext.Current.CancellationToken);
        await client.PostAsJsonAsync("/api/exercises/create-or-match", new { name = "lat pulldown" }, TestContext.Current.CancellationToken);

        var text = await factory.CreateClient().GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Contains("http_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("fitcoach_cache_misses_total{cache=\"exercise-match\"}", text, StringComparison.Ordinal);
        Assert.Contains("fitcoach_cache_hits_total{cache=\"exercise-match\"}", text, StringComparison.Ordinal);
        Assert.Contains("fitcoach_ratelimit_decisions_total{group=\"ai-other\",tier=\"free\",decision=\"allowed\"}", text, StringComparison.Ordinal);
        Assert.Contains("fitcoach_request_duration_seconds_bucket{request=\"CreateOrMatchExerciseCommand\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swagger_DocumentsEveryRouteWithABearerScheme()
    {
        var client = factory.CreateClient();

        var document = await (await client.GetAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken)).JsonAsync();
        var ui = await client.GetAsync("/swagger/index.html", TestContext.Current.CancellationToken);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/exercises", paths);
        Assert.Contains("/api/exercises/{id}", paths);
        Assert.Contains("/api/exercises/create-or-match", paths);
        Assert.Contains("/api/auth/dev-token", paths);
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }

    [Fact]
    public async Task Production_HidesExceptionDetailsAndDevTokens()
    {
        using var production = new ProductionFactory();

        var devToken = await production.CreateClient().PostAsJsonAsync("/api/auth/dev-token", new { userId = "x", tier = "free" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, devToken.StatusCode);
    }

    private sealed class ProductionFactory() : ConfiguredApiFactory(new Dictionary<string, string?>
    {
        ["Auth:SigningKey"] = "production-test-signing-key-0123456789-abcdef",
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
