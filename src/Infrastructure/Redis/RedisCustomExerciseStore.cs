using System.Text.Json;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Exercises;
using StackExchange.Redis;

namespace FitCoach.Infrastructure.Redis;

/// <summary>
/// Custom exercises in one Redis hash per user (field = exercise id, value = JSON). They are the user's own data,
/// so the hash has no expiry. A stored exercise is owned by the user whose hash holds it.
/// </summary>
public sealed class RedisCustomExerciseStore : ICustomExerciseStore
{
    private readonly IConnectionMultiplexer _redis;

    public RedisCustomExerciseStore(IConnectionMultiplexer redis)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _redis = redis;
    }

    public async Task<IReadOnlyList<Exercise>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var fields = await _redis.GetDatabase().HashGetAllAsync(RedisKeys.CustomExercises(userId))
            .WaitAsync(cancellationToken);
        return CustomExerciseOrder.Sort(fields.Select(field =>
            JsonSerializer.Deserialize((byte[])field.Value!, StoreJsonContext.Default.Exercise)
            ?? throw new InvalidDataException($"Custom exercise {field.Name} of user {userId} is empty.")));
    }

    public Task SaveAsync(string userId, Exercise exercise, CancellationToken cancellationToken)
    {
        CustomExerciseOrder.EnsureSavable(userId, exercise);
        var json = JsonSerializer.SerializeToUtf8Bytes(exercise with { OwnerId = userId }, StoreJsonContext.Default.Exercise);
        return _redis.GetDatabase().HashSetAsync(RedisKeys.CustomExercises(userId), exercise.Id, json)
            .WaitAsync(cancellationToken);
    }
}
