using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Workouts.Recording;
using FitCoach.Domain.Workouts;
using MediatR;

namespace FitCoach.Application.Features.Leaderboards.UpdateLeaderboards;

/// <summary>
/// Projects recorded workouts onto the public boards. Scores are not incremented: volume, workout count and streak
/// are read by key from the user's summary (which the store already updated with the workout) and written as they
/// are, and e1RM boards keep the higher score, so handling the same notification twice (a retry after a failure)
/// leaves the boards right. Only ranked workouts count; every write goes out in one round trip. Boards hold the
/// user's pseudonym (<see cref="LeaderboardIdentity"/>), never the token's <c>sub</c>.
/// </summary>
public sealed class LeaderboardProjection(ILeaderboard leaderboard, IWorkoutStore store, IExerciseCatalog catalog, LeaderboardIdentity identity) : INotificationHandler<WorkoutRecorded>
{
    public async Task Handle(WorkoutRecorded notification, CancellationToken cancellationToken)
    {
        var ranked = notification.Workouts.Where(w => w.Ranked && w.Exercises.Any(e => e.Sets.Count > 0)).ToList();
        if (ranked.Count == 0)
        {
            return;
        }

        var periods = ranked.SelectMany(w => TrainingPeriods.KeysOf(w.PerformedAt)).Distinct(StringComparer.Ordinal).ToList();
        var summary = await store.GetSummaryAsync(notification.UserId, new SummaryQuery([], periods, []), cancellationToken);
        var user = identity.PseudonymOf(notification.UserId);
        var writes = new List<LeaderboardWrite>();
        foreach (var (period, totals) in summary.RankedTotals)
        {
            var retention = LeaderboardBoards.Retention(period);
            writes.Add(new LeaderboardWrite(LeaderboardBoards.Key(LeaderboardBoards.Volume, period), user, totals.VolumeKg, LeaderboardWriteMode.Set, retention));
            writes.Add(new LeaderboardWrite(LeaderboardBoards.Key(LeaderboardBoards.Workouts, period), user, totals.Workouts, LeaderboardWriteMode.Set, retention));
        }

        foreach (var workout in ranked)
        {
            // Only catalog exercises have a board anyone can read; a custom exercise's e1RM stays in the user's history.
            foreach (var (exerciseId, e1rm) in WorkoutMath.BestE1rmByExercise([workout]).Where(b => catalog.Find(b.Key) is not null))
            {
                foreach (var period in TrainingPeriods.KeysOf(workout.PerformedAt))
                {
                    writes.Add(new LeaderboardWrite(
                        LeaderboardBoards.Key(LeaderboardBoards.E1rmPrefix + exerciseId, period),
                        user,
                        Math.Round(e1rm, 1),
                        LeaderboardWriteMode.SetIfHigher,
                        LeaderboardBoards.Retention(period)));
                }
            }
        }

        if (summary.Streak is { } streak)
        {
            writes.Add(new LeaderboardWrite(
                LeaderboardBoards.Key(LeaderboardBoards.Streak, TrainingPeriods.All), user, streak.Days, LeaderboardWriteMode.Set, null));
        }

        await leaderboard.WriteAsync(writes, cancellationToken);
    }
}
