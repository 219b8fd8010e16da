using System.Net;
using System.Net.Http.Json;
using System.Net.Http.Headers;
using System.Text;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Exercises;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

public sealed class OperationsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Health_OnEmbeddedDefaults_IsHealthyWithEveryCheck()
    {
        await factory.WaitUntilHybridAsync();
        var response = await factory.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        var health = await response.JsonAsync();
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        foreach (var check in new[] { "redis", "knowledge", "model", "embeddings" })
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
    public async Task Metrics_AfterAScrape_CarryNoEventCounterOrMeterAdapterSeries()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());
        await factory.CreateClient().GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        await client.GetAsync("/api/exercises?q=squat", TestContext.Current.CancellationToken);
        await Task.Delay(1500, TestContext.Current.CancellationToken); // adapters publish on an interval once started

        var text = await factory.CreateClient().GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        // Those adapters subscribe to every .NET EventCounter and Meter at the first scrape, and their listeners then
        // cost every request: the app's own series, HTTP latency and process statistics are what /metrics is for.
        Assert.Contains("http_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("process_cpu_seconds_total", text, StringComparison.Ordinal);
        var families = text.Split('\n').Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToList();
        Assert.DoesNotContain(families, f => f.StartsWith("microsoft_aspnetcore", StringComparison.Ordinal) || f.StartsWith("kestrel", StringComparison.Ordinal)
            || f.StartsWith("system_net", StringComparison.Ordinal) || f.StartsWith("private_internaldiagnostics", StringComparison.Ordinal)
            || f.StartsWith("system_runtime", StringComparison.Ordinal) || f.StartsWith("http_server_", StringComparison.Ordinal));
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

    [Fact]
    public async Task Production_UnexpectedFailure_Is500WithTraceIdAndNoStackTrace()
    {
        using var production = new ProductionFactory();
        var client = production.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ProductionFactory.Token("prod-user"));

        var response = await client.GetAsync("/api/exercises/Barbell_Squat", TestContext.Current.CancellationToken);

        var problem = await response.ProblemAsync(500);
        var body = problem.ToString();
        Assert.DoesNotContain("catalog exploded", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.False(problem.TryGetProperty("exception", out _));
    }

    /// <summary>Production settings, with a catalog that fails so the 500 path can be observed.</summary>
    private sealed class ProductionFactory() : ConfiguredApiFactory(Security.ProductionApiFactory.WithProductionKeys(new()
    {
        ["Auth:SigningKey"] = SigningKey,
    }))
    {
        private const string SigningKey = "production-test-signing-key-0123456789-abcdef";

        public static string Token(string userId) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "fitcoach",
            Audience = "fitcoach-api",
            Claims = new Dictionary<string, object> { ["sub"] = userId, ["tier"] = "free" },
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
        });

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.ConfigureTestServices(services => services.AddSingleton<IExerciseCatalog, ExplodingCatalog>());
        }
    }

    private sealed class ExplodingCatalog : IExerciseCatalog
    {
        public IReadOnlyList<Exercise> All => throw new InvalidOperationException("catalog exploded");

        public Exercise? Find(string id) => throw new InvalidOperationException("catalog exploded");
    }
}
