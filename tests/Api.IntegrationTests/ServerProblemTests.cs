using System.Net.Http.Json;
using System.Text;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Profiles;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

/// <summary>
/// The statuses that need a particular server to be seen: 413 (only a real Kestrel enforces a body limit), 500 (a
/// failing store) and 503 (Redis configured but unreachable). Each answers the vocabulary's type and title.
/// </summary>
public sealed class ServerProblemTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BodyOverTheServersLimit_Is413PayloadTooLarge()
    {
        using var api = new SmallBodyKestrelFactory();
        api.StartServer();
        var client = await api.ClientForAsync(ApiFactory.NewUserId());
        var name = new string('a', 4 * SmallBodyKestrelFactory.MaxBodyBytes);

        var response = await client.PostAsync(
            "/api/exercises/create-or-match",
            new StringContent($"{{\"name\":\"{name}\"}}", Encoding.UTF8, "application/json"),
            Cancel);

        var problem = await response.ProblemOfTypeAsync(413, "payload-too-large", "Payload Too Large");
        Assert.Contains(SmallBodyKestrelFactory.MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyWithinTheServersLimit_OnKestrel_IsServed()
    {
        using var api = new SmallBodyKestrelFactory();
        api.StartServer();
        var client = await api.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.PostAsJsonAsync("/api/exercises/create-or-match", new { name = "bench" }, Cancel);

        await response.JsonAsync();
    }

    [Fact]
    public async Task UnexpectedFailure_Is500InternalServerError()
    {
        using var api = new FailingProfileStoreFactory();
        var client = await api.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.GetAsync("/api/users/me/profile", Cancel);

        var problem = await response.ProblemOfTypeAsync(500, "internal-server-error", "Internal Server Error");
        Assert.Contains("traceId", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedisUnreachable_WriteIs503ServiceUnavailable()
    {
        using var api = ApiFactory.WithRedis("127.0.0.1:1,connectTimeout=200");
        var client = await api.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.PostAsJsonAsync("/api/sessions", new { name = "Leg day" }, Cancel);

        var problem = await response.ProblemOfTypeAsync(503, "service-unavailable", "Service Unavailable");
        Assert.Contains("Redis", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    /// <summary>The real Kestrel (not the in-memory test server) on a free port, with a 2 KB request body limit.</summary>
    private sealed class SmallBodyKestrelFactory : ConfiguredApiFactory
    {
        public const int MaxBodyBytes = 2048;

        public SmallBodyKestrelFactory()
            : base([])
        {
            UseKestrel(0);
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = MaxBodyBytes);
        }
    }

    private sealed class FailingProfileStoreFactory() : ConfiguredApiFactory([])
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IProfileStore, FailingProfileStore>());
        }
    }

    private sealed class FailingProfileStore : IProfileStore
    {
        public Task<UserProfile?> GetAsync(string userId, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("profile store exploded");

        public Task SaveAsync(string userId, UserProfile profile, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("profile store exploded");
    }
}
