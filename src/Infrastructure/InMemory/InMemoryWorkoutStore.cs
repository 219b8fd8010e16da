using System.Collections.Concurrent;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Workouts;

namespace FitCoach.Infrastructure.InMemory;

/// <summary>
/// The embedded workout history: per user, by id, listed in performed-at order, with the user's
/// <see cref="UserTrainingSummary"/> updated under the same lock as the add (as the Redis script does).
/// </summary>
public sealed class InMemoryWorkoutStore : IWorkoutStore
{
    private readonly ConcurrentDictionary<string, UserHistory> _byUser = new(StringComparer.Ordinal);

    public async Task<bool> AddAsync(string userId, Workout workout, CancellationToken cancellationToken) =>
        (await AddManyAsync(userId, [workout], cancellationToken))[0];

    public Task<IReadOnlyList<bool>> AddManyAsync(string userId, IReadOnlyList<Workout> workouts, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(workouts);
        cancellationToken.ThrowIfCancellationRequested();
        var history = _byUser.GetOrAdd(userId, _ => new UserHistory());
        var added = new bool[workouts.Count];
        lock (history)
        {
            for (var i = 0; i < workouts.Count; i++)
            {
                ArgumentNullException.ThrowIfNull(workouts[i]);
                if (history.Workouts.TryAdd(workouts[i].Id, workouts[i] with { UserId = userId }))
                {
                    history.Summary.Apply(workouts[i]);
                    added[i] = true;
                }
            }
        }

        return Task.FromResult<IReadOnlyList<bool>>(added);
    }

    public Task<Workout?> GetAsync(string userId, string workoutId, CancellationToken cancellationToken)
    {
        if (!_byUser.TryGetValue(userId, out var history))
        {
            return Task.FromResult<Workout?>(null);
        }

        lock (history)
        {
            return Task.FromResult(history.Workouts.GetValueOrDefault(workoutId));
        }
    }

    public Task<IReadOnlyList<Workout>> ListAsync(string userId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (!_byUser.TryGetValue(userId, out var history))
        {
            return Task.FromResult<IReadOnlyList<Workout>>([]);
        }

        // Whole milliseconds, as the Redis store scores them, so both answer the same range.
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        lock (history)
        {
            return Task.FromResult<IReadOnlyList<Workout>>([.. history.Workouts.Values
                .Where(w => w.PerformedAt.ToUnixTimeMilliseconds() >= fromMs && w.PerformedAt.ToUnixTimeMilliseconds() <= toMs)
                .OrderBy(w => w.PerformedAt.ToUnixTimeMilliseconds())
                .ThenBy(w => w.Id, StringComparer.Ordinal)]);
        }
    }

    public Task<UserTrainingSummary> GetSummaryAsync(string userId, SummaryQuery query, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentNullException.ThrowIfNull(query);
        var result = new UserTrainingSummary();
        if (!_byUser.TryGetValue(userId, out var history))
        {
            return Task.FromResult(result);
        }

        lock (history)
        {
            var summary = history.Summary;
            result.Streak = summary.Streak;
            Copy(query.ExerciseIds, summary.BestE1rmKg, result.BestE1rmKg, v => v);
            Copy(query.PeriodKeys, summary.RankedTotals, result.RankedTotals, Rounded);
            Copy(query.Weeks, summary.WeeklyTotals, result.WeeklyTotals, Rounded);
        }

        return Task.FromResult(result);
    }

    // The Redis store keeps running float sums too; both report them to 0.1 kg.
    private static PeriodTotals Rounded(PeriodTotals totals) => totals with { VolumeKg = Math.Round(totals.VolumeKg, 1) };

    private static void Copy<T>(IEnumerable<string> keys, Dictionary<string, T> from, Dictionary<string, T> to, Func<T, T> map)
    {
        foreach (var key in keys)
        {
            if (from.TryGetValue(key, out var value))
            {
                to[key] = map(value);
            }
        }
    }

    private sealed class UserHistory
    {
        public Dictionary<string, Workout> Workouts { get; } = new(StringComparer.Ordinal);

        public UserTrainingSummary Summary { get; } = new();
    }
}
