using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Profiles;
using MediatR;

namespace FitCoach.Application.Features.Profiles.PutProfile;

/// <summary><c>PUT /api/users/me/profile</c>: replaces the profile.</summary>
public sealed record PutProfileCommand(string UserId, UserProfile Profile) : ICommand<UserProfile>;

/// <summary>
/// Saves the profile (lists without repeats, the display name in its stored form), then publishes
/// <see cref="ProfileSaved"/>: the cached user context is dropped and the name the boards show follows.
/// </summary>
public sealed class PutProfileCommandHandler(IProfileStore profiles, TimeProvider time, IMediator mediator)
    : IRequestHandler<PutProfileCommand, UserProfile>
{
    public async Task<UserProfile> Handle(PutProfileCommand request, CancellationToken cancellationToken)
    {
        var profile = request.Profile with
        {
            Goals = [.. (request.Profile.Goals ?? []).Distinct()],
            Equipment = [.. (request.Profile.Equipment ?? []).Distinct()],
            Injuries = [.. (request.Profile.Injuries ?? []).Distinct()],
            DisplayName = request.Profile.DisplayName is { } name ? DisplayNames.Normalize(name) : null,
            UpdatedAt = time.GetUtcNow(),
        };
        await profiles.SaveAsync(request.UserId, profile, cancellationToken);
        await mediator.Publish(new ProfileSaved(request.UserId, profile), cancellationToken);
        return profile;
    }
}
