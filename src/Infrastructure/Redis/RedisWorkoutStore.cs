using System.Text.Json;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Workouts;
using StackExchange.Redis;

namespace FitCoach.Infrastructure.Redis;

/// <summary>
/// Workout history: one hash per user (id → JSON) and a sorted set of ids by performed-at time, written together
/// by one script so a workout is either fully stored or not at all, and never twice. History has no expiry.
/// </summary>
public sealed class RedisWorkoutStore(IConnectionMultiplexer redis) : IWorkoutStore
{
    public async Task<bool> AddAsync(string userId, Workout workout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(workout);
        var json = JsonSerializer.SerializeToUtf8Bytes(workout with { UserId = userId }, StoreJsonContext.Default.Workout);
        var added = await redis.GetDatabase().ScriptEvaluateAsync(
                RedisScripts.WorkoutAdd,
                [RedisKeys.Workouts(userId), RedisKeys.WorkoutsByTime(userId)],
                [workout.Id, json, workout.PerformedAt.ToUnixTimeMilliseconds()])
            .WaitAsync(cancellationToken);
        return (long)added == 1;
    }

    public async Task<Workout?> GetAsync(string userId, string workoutId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var value = await redis.GetDatabase().HashGetAsync(RedisKeys.Workouts(userId), workoutId).WaitAsync(cancellationToken);
        return value.IsNull ? null : JsonSerializer.Deserialize((byte[])value!, StoreJsonContext.Default.Workout);
    }

    public async Task<IReadOnlyList<Workout>> ListAsync(
        string userId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
                RedisScripts.WorkoutRange,
                [RedisKeys.Workouts(userId), RedisKeys.WorkoutsByTime(userId)],
                [from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds()])
            .WaitAsync(cancellationToken);
        return [.. ((RedisResult[])result!)
            .Where(r => !r.IsNull)
            .Select(r => JsonSerializer.Deserialize((byte[])r!, StoreJsonContext.Default.Workout)!)];
    }
}
