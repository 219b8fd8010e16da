using FitCoach.Application.Common.Ports;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

/// <summary>What every <see cref="IConversationStore"/> must do, checked against each implementation.</summary>
public abstract class ConversationStoreContract : PortContract<IConversationStore>
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static ConversationTurn User(string text) => new(ConversationTurn.User, text, At);

    private static ConversationTurn Assistant(string text) => new(ConversationTurn.Assistant, text, At);

    [Fact]
    public async Task Get_UnknownConversation_IsEmpty()
    {
        Assert.Empty(await Port.GetAsync("u1", "nope", 10, Cancel));
    }

    [Fact]
    public async Task Append_ThenGet_ReturnsTurnsOldestFirst()
    {
        await Port.AppendAsync("u1", "c1", [User("how much protein?"), Assistant("about 1.6 g/kg [1]")], Cancel);
        await Port.AppendAsync("u1", "c1", [User("and per meal?"), Assistant("0.4 g/kg [1]")], Cancel);

        var turns = await Port.GetAsync("u1", "c1", 10, Cancel);

        Assert.Equal(["how much protein?", "about 1.6 g/kg [1]", "and per meal?", "0.4 g/kg [1]"], turns.Select(t => t.Content));
        Assert.Equal([ConversationTurn.User, ConversationTurn.Assistant, ConversationTurn.User, ConversationTurn.Assistant], turns.Select(t => t.Role));
        Assert.Equal(At, turns[0].At);
    }

    [Fact]
    public async Task Get_ReturnsOnlyTheMostRecentTurns()
    {
        await Port.AppendAsync("u1", "c1", [User("1"), Assistant("2"), User("3"), Assistant("4")], Cancel);

        Assert.Equal(["3", "4"], (await Port.GetAsync("u1", "c1", 2, Cancel)).Select(t => t.Content));
    }

    [Fact]
    public async Task Append_KeepsOnlyTheLimit()
    {
        var turns = Enumerable.Range(0, ConversationLimits.KeptTurns + 6).Select(i => User(i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

        await Port.AppendAsync("u1", "c1", turns, Cancel);
        var kept = await Port.GetAsync("u1", "c1", 1000, Cancel);

        Assert.Equal(ConversationLimits.KeptTurns, kept.Count);
        Assert.Equal("6", kept[0].Content);
    }

    [Fact]
    public async Task Conversations_AreSeparatePerUserAndId()
    {
        await Port.AppendAsync("u1", "c1", [User("mine")], Cancel);
        await Port.AppendAsync("u2", "c1", [User("theirs")], Cancel);
        await Port.AppendAsync("u1", "c2", [User("other")], Cancel);

        Assert.Equal(["mine"], (await Port.GetAsync("u1", "c1", 10, Cancel)).Select(t => t.Content));
        Assert.Equal(["theirs"], (await Port.GetAsync("u2", "c1", 10, Cancel)).Select(t => t.Content));
    }

    [Fact]
    public async Task ConcurrentAppends_LoseNoTurns_AndKeepPairsTogether()
    {
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Port.AppendAsync("u1", "c1", [User($"q{i}"), Assistant($"a{i}")], Cancel)));

        var turns = await Port.GetAsync("u1", "c1", 100, Cancel);

        Assert.Equal(20, turns.Count);
        for (var i = 0; i < turns.Count; i += 2)
        {
            Assert.Equal("q" + turns[i].Content[1..], turns[i].Content);
            Assert.Equal("a" + turns[i].Content[1..], turns[i + 1].Content);
        }
    }
}
