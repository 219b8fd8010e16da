using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Leaderboards;
using FitCoach.Application.Features.Leaderboards.GetLeaderboard;
using FitCoach.Application.Features.Leaderboards.UpdateLeaderboards;
using FitCoach.Application.Features.Profiles;
using FitCoach.Domain.Profiles;
using MapsterMapper;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Xunit;

namespace FitCoach.Application.UnitTests.Leaderboards;

public sealed class LeaderboardDisplayNameTests
{
    private readonly ILeaderboard _leaderboard = Substitute.For<ILeaderboard>();
    private readonly IProfileStore _profiles = Substitute.For<IProfileStore>();
    private readonly LeaderboardIdentity _identity = new(Options.Create(new LeaderboardOptions { PseudonymKey = "unit-test-pseudonym-key-0123456789abcdef" }));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Projection_WritesTheStoredNameUnderThePseudonym_NeverTheSub_AndAgainWhenRepeated()
    {
        _profiles.GetAsync("carol@example.com", default).ReturnsForAnyArgs(new UserProfile { DisplayName = "Carol S" });
        var projection = new LeaderboardDisplayNameProjection(_leaderboard, _profiles, _identity);
        var notification = new ProfileSaved("carol@example.com", new UserProfile { DisplayName = "Carol S" });

        await projection.Handle(notification, Cancel);
        await projection.Handle(notification, Cancel);

        await _leaderboard.Received(2).SetDisplayNameAsync(_identity.PseudonymOf("carol@example.com"), "Carol S", Arg.Any<CancellationToken>());
        await _leaderboard.DidNotReceive().SetDisplayNameAsync("carol@example.com", Arg.Any<string?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Projection_WhenAnotherSaveRacedAhead_WritesWhatTheStoreHolds()
    {
        // The notification carries the older save; the store already holds the newer one, whose handler may have run first.
        _profiles.GetAsync("u1", default).ReturnsForAnyArgs(new UserProfile());
        var projection = new LeaderboardDisplayNameProjection(_leaderboard, _profiles, _identity);

        await projection.Handle(new ProfileSaved("u1", new UserProfile { DisplayName = "Old Name" }), Cancel);

        await _leaderboard.Received(1).SetDisplayNameAsync(_identity.PseudonymOf("u1"), null, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Query_MapsEachEntrysDisplayName_FromOnePageRead()
    {
        var me = new LeaderboardEntry(3, _identity.PseudonymOf("u1"), 10);
        _leaderboard.GetTopAsync(default!, default, default, default).ReturnsForAnyArgs(
            new LeaderboardPage([new LeaderboardEntry(1, "p_a", 30, "Ana P"), new LeaderboardEntry(2, "p_b", 20)], me));
        var handler = new GetLeaderboardQueryHandler(_leaderboard, _identity, new FakeTimeProvider(), new Mapper(Application.DependencyInjection.MappingConfiguration()));

        var response = await handler.Handle(new GetLeaderboardQuery("u1", "volume", "week", 10), Cancel);

        Assert.Equal([new LeaderboardEntryDto(1, "p_a", "Ana P", 30), new LeaderboardEntryDto(2, "p_b", null, 20)], response.Entries);
        Assert.Equal(new LeaderboardEntryDto(3, me.UserId, null, 10), response.Me);
        await _leaderboard.ReceivedWithAnyArgs(1).GetTopAsync(default!, default, default, default);
    }
}
