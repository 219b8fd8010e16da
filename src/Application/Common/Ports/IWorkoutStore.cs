using FitCoach.Domain.Workouts;

namespace FitCoach.Application.Common.Ports;

/// <summary>Each user's workout history, ordered by when it was performed.</summary>
public interface IWorkoutStore
{
    /// <summary>Stores the workout unless one with its id exists; false when it did (finishing twice stores once).</summary>
    Task<bool> AddAsync(string userId, Workout workout, CancellationToken cancellationToken);

    Task<Workout?> GetAsync(string userId, string workoutId, CancellationToken cancellationToken);

    /// <summary>Workouts performed in [from, to], oldest first.</summary>
    Task<IReadOnlyList<Workout>> ListAsync(string userId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
