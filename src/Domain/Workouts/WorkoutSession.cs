namespace FitCoach.Domain.Workouts;

public enum SessionStatus
{
    Active,
    Finished,
    Discarded,

    /// <summary>Ended because the user started another session while this one was still active.</summary>
    Abandoned,
}

/// <summary>A live workout a user logs into from any device until it is finished, discarded or abandoned.</summary>
public sealed record WorkoutSession(
    string Id,
    string UserId,
    string? Name,
    DateTimeOffset StartedAt,
    SessionStatus Status,
    IReadOnlyList<LoggedExercise> Exercises)
{
    /// <summary>
    /// An active session lives this long after its start or its latest append: a workout left open on a phone is
    /// abandoned after a day without sets, and the user's active-session pointer goes with it.
    /// </summary>
    public static readonly TimeSpan ActiveLifetime = TimeSpan.FromHours(24);

    /// <summary>
    /// An ended session stays readable this long: long enough for the other devices to see its final state and for a
    /// retried end to stay idempotent, short because the live store is not the workout history.
    /// </summary>
    public static readonly TimeSpan EndedLifetime = TimeSpan.FromHours(1);

    public DateTimeOffset? EndedAt { get; init; }

    public bool IsActive => Status == SessionStatus.Active;

    /// <summary>
    /// A session ends once. Ending an active session gives it <paramref name="status"/>; ending an ended one leaves it
    /// as it is, so a retried or concurrent end is idempotent and <see cref="EndConflict"/> tells the caller whether
    /// the outcome is the one it asked for. The stores (and the Redis script) apply exactly this rule.
    /// </summary>
    public WorkoutSession End(SessionStatus status, DateTimeOffset endedAt)
    {
        if (status == SessionStatus.Active)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A session ends as finished, discarded or abandoned.");
        }

        return IsActive ? this with { Status = status, EndedAt = endedAt } : this;
    }

    /// <summary>
    /// Why this (ended) session cannot be taken as ended with <paramref name="requested"/>, or null when it is: a
    /// finished session cannot be discarded, a discarded or abandoned one cannot be finished.
    /// </summary>
    public string? EndConflict(SessionStatus requested) => Status == requested || IsActive
        ? null
        : (Status, requested) switch
        {
            (SessionStatus.Finished, _) => $"Session '{Id}' is already finished and in your history; it cannot be discarded.",
            (SessionStatus.Discarded, _) => $"Session '{Id}' was discarded; it cannot be finished.",
            (SessionStatus.Abandoned, SessionStatus.Finished) => $"Session '{Id}' was abandoned when a newer session started; it cannot be finished.",
            _ => null,
        };
}
