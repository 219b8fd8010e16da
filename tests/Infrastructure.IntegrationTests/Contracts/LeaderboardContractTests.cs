using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Redis;
using FitCoach.Testing;
using StackExchange.Redis;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

public sealed class InMemoryLeaderboardContractTests : LeaderboardContract
{
    protected override ValueTask<ILeaderboard> CreateLeaderboardAsync() => ValueTask.FromResult<ILeaderboard>(new InMemoryLeaderboard());
}

public sealed class RedisLeaderboardContractTests(RedisServerFixture server)
    : LeaderboardContract, IClassFixture<RedisServerFixture>
{
    private ConnectionMultiplexer? _connection;

    protected override async ValueTask<ILeaderboard> CreateLeaderboardAsync()
    {
        _connection = await RedisConnections.ConnectAsync(server);
        return new RedisLeaderboard(_connection);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
