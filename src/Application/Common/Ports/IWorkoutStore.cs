using FitCoach.Domain.Workouts;

namespace FitCoach.Application.Common.Ports;

/// <summary>What a write reads of a user's <see cref="UserTrainingSummary"/>: only these exercises, periods and weeks.</summary>
public sealed record SummaryQuery(
    IReadOnlyCollection<string> ExerciseIds,
    IReadOnlyCollection<string> PeriodKeys,
    IReadOnlyCollection<string> Weeks);

/// <summary>
/// Each user's workout history, ordered by when it was performed, and the <see cref="UserTrainingSummary"/> kept with
/// it: storing a workout folds it into the summary in the same atomic step, so the summary never counts a workout
/// the history lacks or counts one twice.
/// </summary>
public interface IWorkoutStore
{
    /// <summary>Stores the workout unless one with its id exists; false when it did (finishing twice stores once).</summary>
    Task<bool> AddAsync(string userId, Workout workout, CancellationToken cancellationToken);

    /// <summary>
    /// Stores many workouts in one round trip, each unless its id exists; one flag per workout, in order. Workouts
    /// are folded into the summary in the order given, so give them oldest first.
    /// </summary>
    Task<IReadOnlyList<bool>> AddManyAsync(string userId, IReadOnlyList<Workout> workouts, CancellationToken cancellationToken);

    Task<Workout?> GetAsync(string userId, string workoutId, CancellationToken cancellationToken);

    /// <summary>Workouts performed in [from, to], oldest first.</summary>
    Task<IReadOnlyList<Workout>> ListAsync(string userId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>
    /// The parts of the user's summary that <paramref name="query"/> names (read by key, whatever the history's
    /// length); the streak always. Missing entries are absent.
    /// </summary>
    Task<UserTrainingSummary> GetSummaryAsync(string userId, SummaryQuery query, CancellationToken cancellationToken);
}
