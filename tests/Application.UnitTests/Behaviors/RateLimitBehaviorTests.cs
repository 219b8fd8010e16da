using FitCoach.Application.Common.Behaviors;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.RateLimiting;
using Microsoft.Extensions.Options;
using NSubstitute;
using Xunit;

namespace FitCoach.Application.UnitTests.Behaviors;

public sealed class RateLimitBehaviorTests
{
    private static readonly RateLimitDecision Allowed = new(true, 30, 29, TimeSpan.FromSeconds(60), TimeSpan.Zero);
    private static readonly RateLimitDecision Rejected = new(false, 30, 0, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(12));

    private readonly IRateLimiter _limiter = Substitute.For<IRateLimiter>();
    private readonly ICurrentUser _user = Substitute.For<ICurrentUser>();
    private readonly IAppMetrics _metrics = Substitute.For<IAppMetrics>();
    private readonly RateLimitState _state = new();
    private readonly IOptions<RateLimitOptions> _options = Options.Create(new RateLimitOptions
    {
        Groups =
        {
            ["ai-other"] = new RateLimitGroupOptions { Window = TimeSpan.FromMinutes(1), Limits = { ["free"] = 30, ["premium"] = 150 } },
        },
    });

    public RateLimitBehaviorTests()
    {
        _user.UserId.Returns("u1");
        _user.Tier.Returns(Tiers.Free);
    }

    private Task<string> Send<TRequest>(TRequest request)
        where TRequest : notnull =>
        new RateLimitBehavior<TRequest, string>(_limiter, _user, _options, _state, _metrics)
            .Handle(request, TestContext.Current.CancellationToken, () => Task.FromResult("handled"));

    [Fact]
    public async Task Handle_WhenRequestIsNotRateLimited_NeverCallsTheLimiter()
    {
        Assert.Equal("handled", await Send(new PlainCommand("x")));

        await _limiter.DidNotReceiveWithAnyArgs().CheckAsync(default!, default!, default);
    }

    [Fact]
    public async Task Handle_WhenAllowed_ChecksTheUsersGroupKeyWithTheTierPolicyAndRecordsIt()
    {
        _limiter.CheckAsync("u1:ai-other", Arg.Is<RateLimitPolicy>(p => p.Limit == 30 && p.Window == TimeSpan.FromMinutes(1)), Arg.Any<CancellationToken>())
            .Returns(Allowed);

        Assert.Equal("handled", await Send(new LimitedCommand("x")));

        Assert.Same(Allowed, _state.Decision);
        Assert.Equal("ai-other", _state.Policy!.Name);
        _metrics.Received(1).RateLimitDecision("ai-other", "free", true);
    }

    [Fact]
    public async Task Handle_WhenPremium_UsesThePremiumLimit()
    {
        _user.Tier.Returns(Tiers.Premium);
        _limiter.CheckAsync(Arg.Any<string>(), Arg.Any<RateLimitPolicy>(), Arg.Any<CancellationToken>()).Returns(Allowed);

        await Send(new LimitedCommand("x"));

        await _limiter.Received(1).CheckAsync("u1:ai-other", Arg.Is<RateLimitPolicy>(p => p.Limit == 150), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenRejected_ThrowsWithRetryAfterAndSkipsTheHandler()
    {
        _limiter.CheckAsync(Arg.Any<string>(), Arg.Any<RateLimitPolicy>(), Arg.Any<CancellationToken>()).Returns(Rejected);
        var handlerCalled = false;

        var ex = await Assert.ThrowsAsync<RateLimitExceededException>(() =>
            new RateLimitBehavior<LimitedCommand, string>(_limiter, _user, _options, _state, _metrics)
                .Handle(new LimitedCommand("x"), TestContext.Current.CancellationToken, () =>
                {
                    handlerCalled = true;
                    return Task.FromResult("handled");
                }));

        Assert.False(handlerCalled);
        Assert.Equal(TimeSpan.FromSeconds(12), ex.Decision.RetryAfter);
        Assert.Equal(429, ex.StatusCode);
        _metrics.Received(1).RateLimitDecision("ai-other", "free", false);
    }

    [Fact]
    public async Task Handle_WhenTierIsUnlimited_NeverCallsTheLimiter()
    {
        _user.Tier.Returns(Tiers.Unlimited);

        Assert.Equal("handled", await Send(new LimitedCommand("x")));

        await _limiter.DidNotReceiveWithAnyArgs().CheckAsync(default!, default!, default);
        Assert.Null(_state.Decision);
    }

    [Fact]
    public void Problems_WhenAGroupIsMissing_NamesIt()
    {
        Assert.Contains(_options.Value.Problems(), p => p.Contains("RateLimiting:Groups:voice", StringComparison.Ordinal));
    }
}
