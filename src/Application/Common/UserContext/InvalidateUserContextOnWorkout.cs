using FitCoach.Application.Features.Workouts.Recording;
using MediatR;

namespace FitCoach.Application.Common.UserContext;

/// <summary>A recorded workout changes the training summary the coach's user context holds: drop the cached one.</summary>
public sealed class InvalidateUserContextOnWorkout(UserContextProvider userContexts) : INotificationHandler<WorkoutRecorded>
{
    public Task Handle(WorkoutRecorded notification, CancellationToken cancellationToken) =>
        userContexts.InvalidateAsync(notification.UserId, cancellationToken);
}
