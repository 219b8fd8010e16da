using System.Collections.Concurrent;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Exercises;
using FitCoach.Infrastructure.Redis;

namespace FitCoach.Infrastructure.InMemory;

/// <summary>
/// Custom exercises held in this process, with the semantics of <see cref="RedisCustomExerciseStore"/>: per user,
/// keyed by exact id, owned by the user who saved them, listed by name then id.
/// </summary>
public sealed class InMemoryCustomExerciseStore : ICustomExerciseStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Exercise>> _byUser =
        new(StringComparer.Ordinal);

    public Task<IReadOnlyList<Exercise>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_byUser.TryGetValue(userId, out var exercises)
            ? CustomExerciseOrder.Sort(exercises.Values)
            : []);
    }

    public Task SaveAsync(string userId, Exercise exercise, CancellationToken cancellationToken)
    {
        CustomExerciseOrder.EnsureSavable(userId, exercise);
        cancellationToken.ThrowIfCancellationRequested();
        var exercises = _byUser.GetOrAdd(userId, static _ => new ConcurrentDictionary<string, Exercise>(StringComparer.Ordinal));
        exercises[exercise.Id] = exercise with { OwnerId = userId };
        return Task.CompletedTask;
    }
}
