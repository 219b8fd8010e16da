using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using ZLogger.Providers;

namespace FitCoach.Api.IntegrationTests;

/// <summary>The real API on embedded defaults (no Redis, no keys), shared by a test class.</summary>
public sealed class ApiFactory : ConfiguredApiFactory
{
    public ApiFactory()
        : base([])
    {
    }

    public static ConfiguredApiFactory WithRedis(string connectionString) =>
        new(new Dictionary<string, string?> { ["Redis:ConnectionString"] = connectionString });

    public static string NewUserId(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>
    /// Waits for the process's local embedding model (loaded once, in the background, by the first host): until then
    /// <c>/health</c> is Degraded and retrieval is BM25 alone, so tests that judge either wait for it.
    /// </summary>
    public static async Task WaitForLocalModelAsync()
    {
        var model = FitCoach.Infrastructure.Embeddings.LocalSentenceModel.Shared;
        model.StartLoading();
        await model.WhenReadyAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);
    }
}

/// <summary>The real API in-process (the whole HTTP pipeline) with configuration overrides.</summary>
public class ConfiguredApiFactory(Dictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // The console only says what went wrong: a failed run prints the test host's output, and thousands of
        // Information lines from every test hid the failure itself. Sinks that tests read keep their own levels.
        builder.ConfigureLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter<ZLoggerConsoleLoggerProvider>(level => level >= LogLevel.Warning));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Waits until this host's retrieval is hybrid: the local model loaded and the corpus vectors read.</summary>
    public async Task WaitUntilHybridAsync()
    {
        await ApiFactory.WaitForLocalModelAsync();
        var vectors = Services.GetRequiredService<FitCoach.Infrastructure.Knowledge.Hybrid.DocumentVectorIndex>();
        await vectors.BuildAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(120), TestContext.Current.CancellationToken);
    }

    /// <summary>A client carrying a dev token for <paramref name="userId"/> (a fresh id per test keeps limits apart).</summary>
    public async Task<HttpClient> ClientForAsync(string userId, string tier = "free", bool admin = false)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/dev-token", new { userId, tier, admin }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("token").GetString());
        return client;
    }
}

internal static class HttpAssertions
{
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("traceId").GetString()));
        return problem;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
    }
}
