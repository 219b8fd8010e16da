using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Redis;
using FitCoach.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

public sealed class InMemoryRateLimiterContractTests : RateLimiterContract
{
    protected override ValueTask<IRateLimiter> CreateAsync() => ValueTask.FromResult<IRateLimiter>(new InMemoryRateLimiter());
}

public sealed class RedisRateLimiterContractTests(RedisServerFixture server)
    : RateLimiterContract, IClassFixture<RedisServerFixture>
{
    // Every decision must come from Redis, or the contract would be tested against the fallback.
    private readonly RecordingMetrics _metrics = new(failOnFallback: true);
    protected override async ValueTask<IRateLimiter> CreateAsync()
    {
        var connection = Own(await RedisConnections.ConnectAsync(server));
        return new RedisRateLimiter(connection, _metrics, NullLogger<RedisRateLimiter>.Instance);
    }
}
