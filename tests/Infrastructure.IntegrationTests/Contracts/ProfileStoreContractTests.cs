using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Redis;
using FitCoach.Testing;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

public sealed class InMemoryProfileStoreContractTests : ProfileStoreContract
{
    protected override ValueTask<IProfileStore> CreateAsync() => ValueTask.FromResult<IProfileStore>(new InMemoryProfileStore());
}

public sealed class RedisProfileStoreContractTests(RedisServerFixture server)
    : ProfileStoreContract, IClassFixture<RedisServerFixture>
{
    protected override async ValueTask<IProfileStore> CreateAsync()
    {
        var connection = Own(await RedisConnections.ConnectAsync(server));
        return new RedisProfileStore(connection);
    }
}
