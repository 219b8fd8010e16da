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
        var saved = await _handler.Handle(new PutProfileCommand("u1", new UserProfile { Goals = ["strength", "strength"] }), Cancel);

        Assert.Equal(["strength"], saved.Goals);
        Assert.Equal(Now, saved.UpdatedAt);
        Received.InOrder(() =>
        {
            _profiles.SaveAsync("u1", saved, Arg.Any<CancellationToken>());
            _mediator.Publish(new ProfileSaved("u1", saved), Arg.Any<CancellationToken>());
        });
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
