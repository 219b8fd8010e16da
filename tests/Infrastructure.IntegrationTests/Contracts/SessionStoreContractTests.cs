using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Redis;
using FitCoach.Testing;
using StackExchange.Redis;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

public sealed class InMemorySessionStoreContractTests : SessionStoreContract
{
    protected override ValueTask<ISessionStore> CreateStoreAsync() => ValueTask.FromResult<ISessionStore>(new InMemorySessionStore());
}

public sealed class RedisSessionStoreContractTests(RedisServerFixture server)
    : SessionStoreContract, IClassFixture<RedisServerFixture>
{
    private ConnectionMultiplexer? _connection;

    protected override async ValueTask<ISessionStore> CreateStoreAsync()
    {
        _connection = await RedisConnections.ConnectAsync(server);
        return new RedisSessionStore(_connection);
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
