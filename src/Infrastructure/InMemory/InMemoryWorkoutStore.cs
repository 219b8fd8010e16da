using System.Collections.Concurrent;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Workouts;

namespace FitCoach.Infrastructure.InMemory;

/// <summary>The embedded workout history: per user, by id, listed in performed-at order.</summary>
public sealed class InMemoryWorkoutStore : IWorkoutStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Workout>> _byUser = new(StringComparer.Ordinal);

    public Task<bool> AddAsync(string userId, Workout workout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(workout);
        var workouts = _byUser.GetOrAdd(userId, _ => new ConcurrentDictionary<string, Workout>(StringComparer.Ordinal));
        return Task.FromResult(workouts.TryAdd(workout.Id, workout with { UserId = userId }));
    }

    public Task<Workout?> GetAsync(string userId, string workoutId, CancellationToken cancellationToken) =>
        Task.FromResult(_byUser.TryGetValue(userId, out var workouts) && workouts.TryGetValue(workoutId, out var workout) ? workout : null);

    public Task<IReadOnlyList<Workout>> ListAsync(string userId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (!_byUser.TryGetValue(userId, out var workouts))
        {
            return Task.FromResult<IReadOnlyList<Workout>>([]);
        }

        // Whole milliseconds, as the Redis store scores them, so both answer the same range.
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        return Task.FromResult<IReadOnlyList<Workout>>([.. workouts.Values
            .Where(w => w.PerformedAt.ToUnixTimeMilliseconds() >= fromMs && w.PerformedAt.ToUnixTimeMilliseconds() <= toMs)
            .OrderBy(w => w.PerformedAt.ToUnixTimeMilliseconds())
            .ThenBy(w => w.Id, StringComparer.Ordinal)]);
    }
}
