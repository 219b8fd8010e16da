using System.Text.Json;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Workouts;
using StackExchange.Redis;

namespace FitCoach.Infrastructure.Redis;

/// <summary>
/// Workout history: one hash per user (id → JSON), a sorted set of ids by performed-at time and the user's training
/// summary hash, written together by one script (<c>workout_add.lua</c>, the mirror of
/// <see cref="UserTrainingSummary.Apply"/>) so a workout is either fully stored and counted or not at all, and never
/// twice. A batch is one script call. History has no expiry.
/// </summary>
public sealed class RedisWorkoutStore(IConnectionMultiplexer redis) : IWorkoutStore
{
    public async Task<bool> AddAsync(string userId, Workout workout, CancellationToken cancellationToken) =>
        (await AddManyAsync(userId, [workout], cancellationToken))[0];

    public async Task<IReadOnlyList<bool>> AddManyAsync(string userId, IReadOnlyList<Workout> workouts, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(workouts);
        if (workouts.Count == 0)
        {
            return [];
        }

        var values = new List<RedisValue>(workouts.Count * 14);
        foreach (var workout in workouts)
        {
            ArgumentNullException.ThrowIfNull(workout);
            var facts = WorkoutFacts.Of(workout);
            values.Add(workout.Id);
            values.Add(JsonSerializer.SerializeToUtf8Bytes(workout with { UserId = userId }, StoreJsonContext.Default.Workout));
            values.Add(workout.PerformedAt.ToUnixTimeMilliseconds());
            values.Add(facts.Ranked ? 1 : 0);
            values.Add(facts.Day);
            values.Add(TrainingPeriods.WeekOf(workout.PerformedAt));
            values.Add(TrainingPeriods.Key(TrainingPeriods.Month, workout.PerformedAt)[(TrainingPeriods.Month.Length + 1)..]);
            values.Add(facts.VolumeKg);
            values.Add(facts.HasSets ? 1 : 0);
            values.Add(facts.BestE1rmKg.Count);
            foreach (var (exerciseId, e1rm) in facts.BestE1rmKg)
            {
                values.Add(exerciseId);
                values.Add(e1rm);
            }
        }

        var added = await redis.GetDatabase().ScriptEvaluateAsync(
                RedisScripts.WorkoutAdd,
                [RedisKeys.Workouts(userId), RedisKeys.WorkoutsByTime(userId), RedisKeys.TrainingSummary(userId)],
                [.. values])
            .WaitAsync(cancellationToken);
        return [.. ((RedisResult[])added!).Select(r => (long)r == 1)];
    }

    public async Task<UserTrainingSummary> GetSummaryAsync(string userId, SummaryQuery query, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(query);
        var fields = new List<RedisValue> { "streak:last", "streak:days" };
        fields.AddRange(query.ExerciseIds.Select(id => (RedisValue)("best:" + id)));
        fields.AddRange(query.PeriodKeys.SelectMany(k => new RedisValue[] { "rv:" + k, "rw:" + k }));
        fields.AddRange(query.Weeks.SelectMany(w => new RedisValue[] { "wv:" + w, "ww:" + w }));
        var read = await redis.GetDatabase().HashGetAsync(RedisKeys.TrainingSummary(userId), [.. fields]).WaitAsync(cancellationToken);

        var summary = new UserTrainingSummary();
        if (!read[0].IsNull && !read[1].IsNull)
        {
            summary.Streak = new StreakState((int)read[0], (int)read[1]);
        }

        var at = 2;
        foreach (var id in query.ExerciseIds)
        {
            if (!read[at++].IsNull)
            {
                summary.BestE1rmKg[id] = (double)read[at - 1];
            }
        }

        foreach (var key in query.PeriodKeys)
        {
            if (Totals(read[at], read[at + 1]) is { } totals)
            {
                summary.RankedTotals[key] = totals;
            }

            at += 2;
        }

        foreach (var week in query.Weeks)
        {
            if (Totals(read[at], read[at + 1]) is { } totals)
            {
                summary.WeeklyTotals[week] = totals;
            }

            at += 2;
        }

        return summary;
    }

    private static PeriodTotals? Totals(RedisValue volume, RedisValue workouts) =>
        volume.IsNull && workouts.IsNull ? null : new PeriodTotals(volume.IsNull ? 0 : Math.Round((double)volume, 1), workouts.IsNull ? 0 : (int)workouts);

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
