using FitCoach.Domain.Workouts;
using MediatR;

namespace FitCoach.Application.Features.Workouts.Recording;

/// <summary>
/// Published after workouts are in history: one for a finished session or a posted workout, one for a whole batch.
/// Also published again when a retried write finds its workouts already stored, so every handler must be
/// idempotent: a retry then repairs whatever a failure left half done (a board not updated, a cache not dropped).
/// </summary>
public sealed record WorkoutRecorded(string UserId, IReadOnlyList<Workout> Workouts) : INotification;
