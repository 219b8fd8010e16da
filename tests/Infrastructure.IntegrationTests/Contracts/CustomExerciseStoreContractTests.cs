using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Redis;
using FitCoach.Testing;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

public sealed class InMemoryCustomExerciseStoreContractTests : CustomExerciseStoreContract
{
    protected override ValueTask<ICustomExerciseStore> CreateAsync() =>
        ValueTask.FromResult<ICustomExerciseStore>(new InMemoryCustomExerciseStore());
}

public sealed class RedisCustomExerciseStoreContractTests(RedisServerFixture server)
    : CustomExerciseStoreContract, IClassFixture<RedisServerFixture>
{
    protected override async ValueTask<ICustomExerciseStore> CreateAsync()
    {
        var connection = Own(await RedisConnections.ConnectAsync(server));
        return new RedisCustomExerciseStore(connection);
    }
}
