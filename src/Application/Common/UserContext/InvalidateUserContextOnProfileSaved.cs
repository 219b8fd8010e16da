using FitCoach.Application.Features.Profiles;
using MediatR;

namespace FitCoach.Application.Common.UserContext;

/// <summary>A saved profile changes what the coach's user context says about the user: drop the cached one.</summary>
public sealed class InvalidateUserContextOnProfileSaved(UserContextProvider userContexts) : INotificationHandler<ProfileSaved>
{
    public Task Handle(ProfileSaved notification, CancellationToken cancellationToken) =>
        userContexts.InvalidateAsync(notification.UserId, cancellationToken);
}
