using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Redis;
using FitCoach.Testing;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

public sealed class InMemoryWorkoutStoreContractTests : WorkoutStoreContract
{
    protected override ValueTask<IWorkoutStore> CreateAsync() => ValueTask.FromResult<IWorkoutStore>(new InMemoryWorkoutStore());
}

public sealed class RedisWorkoutStoreContractTests(RedisServerFixture server)
    : WorkoutStoreContract, IClassFixture<RedisServerFixture>
{
    protected override async ValueTask<IWorkoutStore> CreateAsync()
    {
        var connection = Own(await RedisConnections.ConnectAsync(server));
        return new RedisWorkoutStore(connection);
    }
}
