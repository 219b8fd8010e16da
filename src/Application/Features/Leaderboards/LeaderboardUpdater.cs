using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Workouts;

namespace FitCoach.Application.Features.Leaderboards;

/// <summary>Feeds a newly stored workout into every board: volume, workouts, streak and e1RM per exercise.</summary>
public sealed class LeaderboardUpdater(ILeaderboard leaderboard, IWorkoutStore workouts, IClock clock)
{
    public async Task RecordAsync(string userId, Workout workout, CancellationToken cancellationToken)
    {
        if (!workout.Exercises.Any(e => e.Sets.Count > 0))
        {
            // Finishing an empty session must not count as a workout or keep a streak alive.
            return;
        }

        var volume = WorkoutMath.VolumeKg(workout.Exercises);
        var bests = workout.Exercises
            .Select(e => (e.ExerciseId, Best: WorkoutMath.BestSet(e)))
            .Where(b => b.Best is not null)
            .ToList();
        foreach (var period in LeaderboardBoards.Periods)
        {
            var retention = LeaderboardBoards.Retention(period);
            await leaderboard.IncrementAsync(LeaderboardBoards.Key(LeaderboardBoards.Volume, period, workout.PerformedAt), userId, Math.Round(volume, 1), retention, cancellationToken);
            await leaderboard.IncrementAsync(LeaderboardBoards.Key(LeaderboardBoards.Workouts, period, workout.PerformedAt), userId, 1, retention, cancellationToken);
            foreach (var (exerciseId, best) in bests)
            {
                var board = LeaderboardBoards.E1rmPrefix + exerciseId;
                await leaderboard.SetIfHigherAsync(LeaderboardBoards.Key(board, period, workout.PerformedAt), userId, Math.Round(best!.Value.E1rmKg, 1), retention, cancellationToken);
            }
        }

        var now = clock.UtcNow;
        var recent = await workouts.ListAsync(userId, now.AddDays(-400), now.AddDays(1), cancellationToken);
        var streak = WorkoutMath.StreakDays(recent.Select(w => w.PerformedAt), now);
        await leaderboard.SetAsync(LeaderboardBoards.Key(LeaderboardBoards.Streak, "all", now), userId, streak, null, cancellationToken);
    }
}
