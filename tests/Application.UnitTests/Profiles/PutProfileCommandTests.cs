using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.UserContext;
using FitCoach.Application.Features.Profiles;
using FitCoach.Application.Features.Profiles.PutProfile;
using FitCoach.Domain.Profiles;
using MediatR;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Xunit;

namespace FitCoach.Application.UnitTests.Profiles;

public sealed class PutProfileCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);

    private readonly IProfileStore _profiles = Substitute.For<IProfileStore>();
    private readonly IMediator _mediator = Substitute.For<IMediator>();
    private readonly PutProfileCommandHandler _handler;

    public PutProfileCommandTests()
    {
        _handler = new PutProfileCommandHandler(_profiles, new FakeTimeProvider(Now), _mediator);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handle_SavesTheProfile_ThenPublishesProfileSavedWithWhatWasStored()
    {
        var saved = await _handler.Handle(new PutProfileCommand("u1", new UserProfile { DisplayName = "  Carol S ", Goals = ["strength", "strength"] }), Cancel);

        Assert.Equal("Carol S", saved.DisplayName);
        Assert.Equal(["strength"], saved.Goals);
        Assert.Equal(Now, saved.UpdatedAt);
        Received.InOrder(() =>
        {
            _profiles.SaveAsync("u1", saved, Arg.Any<CancellationToken>());
            _mediator.Publish(new ProfileSaved("u1", saved), Arg.Any<CancellationToken>());
        });
    }

    [Fact]
    public async Task Handle_WithoutADisplayName_StoresNone()
    {
        var saved = await _handler.Handle(new PutProfileCommand("u1", new UserProfile { Unit = "kg" }), Cancel);

        Assert.Null(saved.DisplayName);
        await _mediator.Received(1).Publish(Arg.Is<ProfileSaved>(n => n.Profile.DisplayName == null), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("a@b.com")]
    [InlineData("x")]
    [InlineData("bad\nname")]
    [InlineData("this name is far too long to show on a board")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("\u202Egnp.exe")]
    [InlineData("...")]
    public void Validator_RefusesTheName_NamingDisplayName(string name)
    {
        var result = new PutProfileCommandValidator().Validate(new PutProfileCommand("u1", new UserProfile { DisplayName = name }));

        Assert.Equal(["displayName"], result.Errors.Select(e => e.PropertyName).Distinct());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Carol S")]
    [InlineData(" O'Neil_2 ")]
    public void Validator_AcceptsNoNameOrAValidOne(string? name)
    {
        Assert.True(new PutProfileCommandValidator().Validate(new PutProfileCommand("u1", new UserProfile { DisplayName = name })).IsValid);
    }

    [Fact]
    public async Task InvalidateUserContextOnProfileSaved_DropsTheUsersCachedContext_EveryTimeItIsHandled()
    {
        var cache = Substitute.For<HybridCache>();
        var handler = new InvalidateUserContextOnProfileSaved(
            new UserContextProvider(cache, _profiles, Substitute.For<IWorkoutStore>(), TimeProvider.System, Substitute.For<IAppMetrics>()));
        var notification = new ProfileSaved("u1", new UserProfile());

        await handler.Handle(notification, Cancel);
        await handler.Handle(notification, Cancel);

        await cache.Received(2).RemoveAsync("user-context:u1", Arg.Any<CancellationToken>());
    }
}
