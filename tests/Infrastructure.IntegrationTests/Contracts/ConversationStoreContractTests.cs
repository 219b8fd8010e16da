using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Redis;
using FitCoach.Testing;
using StackExchange.Redis;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

public sealed class InMemoryConversationStoreContractTests : ConversationStoreContract
{
    protected override ValueTask<IConversationStore> CreateAsync() =>
        ValueTask.FromResult<IConversationStore>(new InMemoryConversationStore(TimeProvider.System));
}

public sealed class RedisConversationStoreContractTests(RedisServerFixture server)
    : ConversationStoreContract, IClassFixture<RedisServerFixture>
{
    private ConnectionMultiplexer? _connection;

    protected override async ValueTask<IConversationStore> CreateAsync()
    {
        await server.FlushAsync();
        _connection = Own(await RedisConnections.ConnectAsync(server));
        return new RedisConversationStore(_connection);
    }

    [Fact]
    public async Task Append_SetsADayLongExpiry()
    {
        await Port.AppendAsync("u1", "c1", [new ConversationTurn(ConversationTurn.User, "hi", DateTimeOffset.UtcNow)], Cancel);

        var ttl = await _connection!.GetDatabase().KeyTimeToLiveAsync(RedisKeys.Conversation("u1", "c1"));

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, ConversationLimits.Lifetime - TimeSpan.FromMinutes(1), ConversationLimits.Lifetime);
    }
}

public sealed class InMemoryConversationStoreLimitTests
{
    [Fact]
    public async Task ManyConversations_StayBounded_DroppingTheOldest()
    {
        var clock = new ManualTimeProvider();
        var store = new InMemoryConversationStore(clock);
        var cancel = TestContext.Current.CancellationToken;

        for (var i = 0; i < InMemoryConversationStore.MaxConversations + 10; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            await store.AppendAsync("u1", $"c{i}", [new ConversationTurn(ConversationTurn.User, "q", clock.GetUtcNow())], cancel);
        }

        Assert.Empty(await store.GetAsync("u1", "c0", 10, cancel)); // the oldest went first
        Assert.Empty(await store.GetAsync("u1", "c3000", 10, cancel)); // the oldest tenth, give or take the sampling
        Assert.Single(await store.GetAsync("u1", "c7000", 10, cancel));
        Assert.Single(await store.GetAsync("u1", $"c{InMemoryConversationStore.MaxConversations + 9}", 10, cancel));
        Assert.InRange(store.Count, InMemoryConversationStore.MaxConversations * 8 / 10, InMemoryConversationStore.MaxConversations);

        // Oldest first, strictly: every conversation dropped is older than every one kept.
        var kept = new List<int>();
        for (var i = 0; i < InMemoryConversationStore.MaxConversations + 10; i++)
        {
            if ((await store.GetAsync("u1", $"c{i}", 1, cancel)).Count > 0)
            {
                kept.Add(i);
            }
        }

        Assert.Equal(Enumerable.Range(kept[0], kept.Count), kept);
    }

    [Fact]
    public async Task AnExpiredConversation_DroppedWhenRead_NoLongerCountsAgainstTheBound()
    {
        var clock = new ManualTimeProvider();
        var store = new InMemoryConversationStore(clock);
        var cancel = TestContext.Current.CancellationToken;
        await store.AppendAsync("u1", "old", [new ConversationTurn(ConversationTurn.User, "q", clock.GetUtcNow())], cancel);
        Assert.Equal(1, store.Count);

        clock.Advance(ConversationLimits.Lifetime + TimeSpan.FromSeconds(1));

        Assert.Empty(await store.GetAsync("u1", "old", 10, cancel));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Overfilled_FromManyThreadsAtOnce_EvictsWithoutFailingAnAppend()
    {
        var cancel = TestContext.Current.CancellationToken;
        var store = new InMemoryConversationStore(TimeProvider.System);
        var turn = new ConversationTurn(ConversationTurn.User, "q", DateTimeOffset.UnixEpoch);

        // Eight writers push the store past its bound together, so evictions run while others add conversations.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < (InMemoryConversationStore.MaxConversations / 4) + 1_000; i++)
            {
                await store.AppendAsync("u", $"w{writer}-c{i}", [turn], cancel);
            }
        }, cancel)));

        await store.AppendAsync("u", "after", [turn], cancel);
        Assert.Single(await store.GetAsync("u", "after", 10, cancel));
        Assert.InRange(store.Count, 1, InMemoryConversationStore.MaxConversations + 100);
    }
}
