using System.Collections.Concurrent;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Profiles;

namespace FitCoach.Infrastructure.InMemory;

public sealed class InMemoryProfileStore : IProfileStore
{
    private readonly ConcurrentDictionary<string, UserProfile> _profiles = new(StringComparer.Ordinal);

    public Task<UserProfile?> GetAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult(_profiles.TryGetValue(userId, out var profile) ? profile : null);

    public Task SaveAsync(string userId, UserProfile profile, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        _profiles[userId] = profile;
        return Task.CompletedTask;
    }
}
