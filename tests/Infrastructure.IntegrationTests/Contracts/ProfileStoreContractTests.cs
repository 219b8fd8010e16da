using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Redis;
using FitCoach.Testing;
using StackExchange.Redis;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

public sealed class InMemoryProfileStoreContractTests : ProfileStoreContract
{
    protected override ValueTask<IProfileStore> CreateStoreAsync() => ValueTask.FromResult<IProfileStore>(new InMemoryProfileStore());
}

public sealed class RedisProfileStoreContractTests(RedisServerFixture server)
    : ProfileStoreContract, IClassFixture<RedisServerFixture>
{
    private ConnectionMultiplexer? _connection;

    protected override async ValueTask<IProfileStore> CreateStoreAsync()
    {
        _connection = await RedisConnections.ConnectAsync(server);
        return new RedisProfileStore(_connection);
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
