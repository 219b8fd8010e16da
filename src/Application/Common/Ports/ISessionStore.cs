using FitCoach.Domain.Workouts;

namespace FitCoach.Application.Common.Ports;

/// <summary>
/// Live workout sessions, shared by every device and API instance of a user. Appends are atomic: two devices
/// appending at once both keep their sets.
/// </summary>
public interface ISessionStore
{
    /// <summary>Creates an active session and makes it the user's active one.</summary>
    Task<WorkoutSession> StartAsync(string userId, string? name, DateTimeOffset startedAt, CancellationToken cancellationToken);

    Task<WorkoutSession?> GetAsync(string userId, string sessionId, CancellationToken cancellationToken);

    Task<WorkoutSession?> GetActiveAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Appends to an active session; null when the session does not exist or is no longer active.</summary>
    Task<WorkoutSession?> AppendAsync(
        string userId, string sessionId, IReadOnlyList<LoggedExercise> entries, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a session as finished or discarded and clears the active pointer if it points to it. Ending an ended
    /// session returns it unchanged (idempotent); null when it does not exist.
    /// </summary>
    Task<WorkoutSession?> EndAsync(
        string userId, string sessionId, SessionStatus status, DateTimeOffset endedAt, CancellationToken cancellationToken);
}
