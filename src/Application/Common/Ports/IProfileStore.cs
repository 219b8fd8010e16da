using FitCoach.Domain.Profiles;

namespace FitCoach.Application.Common.Ports;

public interface IProfileStore
{
    /// <summary>The user's profile, or null when they have not set one.</summary>
    Task<UserProfile?> GetAsync(string userId, CancellationToken cancellationToken);

    Task SaveAsync(string userId, UserProfile profile, CancellationToken cancellationToken);
}
