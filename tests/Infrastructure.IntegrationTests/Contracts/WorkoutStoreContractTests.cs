using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Redis;
using FitCoach.Testing;
using StackExchange.Redis;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

public sealed class InMemoryWorkoutStoreContractTests : WorkoutStoreContract
{
    protected override ValueTask<IWorkoutStore> CreateStoreAsync() => ValueTask.FromResult<IWorkoutStore>(new InMemoryWorkoutStore());
}

public sealed class RedisWorkoutStoreContractTests(RedisServerFixture server)
    : WorkoutStoreContract, IClassFixture<RedisServerFixture>
{
    private ConnectionMultiplexer? _connection;

    protected override async ValueTask<IWorkoutStore> CreateStoreAsync()
    {
        _connection = await RedisConnections.ConnectAsync(server);
        return new RedisWorkoutStore(_connection);
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
