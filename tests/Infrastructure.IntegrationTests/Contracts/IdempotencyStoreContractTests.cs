using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Redis;
using FitCoach.Testing;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

public sealed class InMemoryIdempotencyStoreContractTests : IdempotencyStoreContract
{
    protected override ValueTask<IIdempotencyStore> CreateAsync() =>
        ValueTask.FromResult<IIdempotencyStore>(new InMemoryIdempotencyStore(TimeProvider.System));

    [Fact]
    public async Task Overfilled_KeepsAtMostItsCapacity()
    {
        using var store = new InMemoryIdempotencyStore(TimeProvider.System, capacity: 100);

        for (var i = 0; i < 1_000; i++)
        {
            await store.TryClaimAsync("u", $"k{i}", "fp", TimeSpan.FromMinutes(1), Cancel);
        }

        await Task.Delay(200, Cancel); // MemoryCache compacts in the background once over its size
        Assert.InRange(store.Count, 1, 100);
    }
}

public sealed class RedisIdempotencyStoreContractTests(RedisServerFixture server)
    : IdempotencyStoreContract, IClassFixture<RedisServerFixture>
{
    protected override async ValueTask<IIdempotencyStore> CreateAsync() =>
        new RedisIdempotencyStore(Own(await RedisConnections.ConnectAsync(server)));
}
