using FitCoach.Domain.Workouts;

namespace FitCoach.Application.Features.Sessions.FinishSession;

public sealed record FinishSummary(int TotalSets, double TotalVolumeKg, int DurationMinutes, IReadOnlyList<PersonalRecord> PersonalRecords);

public sealed record FinishSessionResponse(string WorkoutId, FinishSummary Summary);
