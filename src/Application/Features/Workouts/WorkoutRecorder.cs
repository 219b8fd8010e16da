using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Coach.UserContext;
using FitCoach.Application.Features.Leaderboards;
using FitCoach.Domain.Workouts;

namespace FitCoach.Application.Features.Workouts;

/// <summary>
/// Puts a workout into history once: personal records against the history before it, then the store (which
/// refuses a second copy of the same id), then the leaderboards, only for the copy that was actually stored, and the
/// coach's cached user context (its training summary just changed) is dropped.
/// </summary>
public sealed class WorkoutRecorder(IWorkoutStore store, LeaderboardUpdater leaderboards, UserContextProvider userContexts)
{
    private static readonly TimeSpan HistoryWindow = TimeSpan.FromDays(3 * 365);

    public async Task<Workout> RecordAsync(string userId, Workout draft, CancellationToken cancellationToken)
    {
        var existing = await store.GetAsync(userId, draft.Id, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var history = await store.ListAsync(userId, draft.PerformedAt - HistoryWindow, draft.PerformedAt, cancellationToken);
        var workout = draft with
        {
            UserId = userId,
            PersonalRecords = WorkoutMath.PersonalRecords(draft.Exercises, WorkoutMath.BestE1rmByExercise(history)),
        };
        if (!await store.AddAsync(userId, workout, cancellationToken))
        {
            // Another device finished the same session a moment earlier: its copy is the one in history.
            return await store.GetAsync(userId, draft.Id, cancellationToken) ?? workout;
        }

        await leaderboards.RecordAsync(userId, workout, cancellationToken);
        await userContexts.InvalidateAsync(userId, cancellationToken);
        return workout;
    }
}
