using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Profiles;
using MediatR;

namespace FitCoach.Application.Features.Leaderboards.UpdateLeaderboards;

/// <summary>
/// Keeps the name the boards show for a user equal to the profile's <c>displayName</c>, under the user's pseudonym
/// (<see cref="LeaderboardIdentity"/>), so a board page reads every name in one call instead of a profile per entry.
/// Writing (or clearing) the name is idempotent. The name is read from the stored profile rather than taken from the
/// notification: when two saves race, whichever handler runs last writes what the store holds last, so the boards
/// and the profile cannot end up disagreeing.
/// </summary>
public sealed class LeaderboardDisplayNameProjection(ILeaderboard leaderboard, IProfileStore profiles, LeaderboardIdentity identity)
    : INotificationHandler<ProfileSaved>
{
    public async Task Handle(ProfileSaved notification, CancellationToken cancellationToken)
    {
        var stored = await profiles.GetAsync(notification.UserId, cancellationToken);
        await leaderboard.SetDisplayNameAsync(identity.PseudonymOf(notification.UserId), stored?.DisplayName, cancellationToken);
    }
}
