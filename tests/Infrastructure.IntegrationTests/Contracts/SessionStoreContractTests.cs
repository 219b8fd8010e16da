using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Redis;
using FitCoach.Testing;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

public sealed class InMemorySessionStoreContractTests : SessionStoreContract
{
    protected override ValueTask<ISessionStore> CreateAsync() => ValueTask.FromResult<ISessionStore>(new InMemorySessionStore());
}

public sealed class RedisSessionStoreContractTests(RedisServerFixture server)
    : SessionStoreContract, IClassFixture<RedisServerFixture>
{
    protected override async ValueTask<ISessionStore> CreateAsync()
    {
        var connection = Own(await RedisConnections.ConnectAsync(server));
        return new RedisSessionStore(connection);
    }
}
