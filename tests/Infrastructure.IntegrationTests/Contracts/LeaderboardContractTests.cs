using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Redis;
using FitCoach.Testing;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

public sealed class InMemoryLeaderboardContractTests : LeaderboardContract
{
    protected override ValueTask<ILeaderboard> CreateAsync() => ValueTask.FromResult<ILeaderboard>(new InMemoryLeaderboard());
}

public sealed class RedisLeaderboardContractTests(RedisServerFixture server)
    : LeaderboardContract, IClassFixture<RedisServerFixture>
{
    protected override async ValueTask<ILeaderboard> CreateAsync()
    {
        var connection = Own(await RedisConnections.ConnectAsync(server));
        return new RedisLeaderboard(connection);
    }
}
