using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Redis;
using FitCoach.Testing;
using StackExchange.Redis;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

public sealed class InMemoryCustomExerciseStoreContractTests : CustomExerciseStoreContract
{
    protected override ValueTask<ICustomExerciseStore> CreateStoreAsync() =>
        ValueTask.FromResult<ICustomExerciseStore>(new InMemoryCustomExerciseStore());
}

public sealed class RedisCustomExerciseStoreContractTests(RedisServerFixture server)
    : CustomExerciseStoreContract, IClassFixture<RedisServerFixture>
{
    private ConnectionMultiplexer? _connection;

    protected override async ValueTask<ICustomExerciseStore> CreateStoreAsync()
    {
        _connection = await RedisConnections.ConnectAsync(server);
        return new RedisCustomExerciseStore(_connection);
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
