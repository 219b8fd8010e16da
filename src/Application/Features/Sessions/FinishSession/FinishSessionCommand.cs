using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Workouts.Recording;
using FitCoach.Domain.Workouts;
using FitCoach.Application.Features.Workouts;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Sessions.FinishSession;

/// <summary><c>POST /api/sessions/{id}/finish</c>: the session becomes a workout; finishing again returns the same one.</summary>
public sealed record FinishSessionCommand(string UserId, string SessionId, double? SessionRpe, string? Notes) : ICommand<FinishSessionResponse>;

public sealed class FinishSessionCommandHandler(ISessionStore sessions, IWorkoutStore workouts, WorkoutRecorder recorder, TimeProvider time, IMapper mapper)
    : IRequestHandler<FinishSessionCommand, FinishSessionResponse>
{
    public async Task<FinishSessionResponse> Handle(FinishSessionCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var session = await sessions.EndAsync(request.UserId, request.SessionId, SessionStatus.Finished, now, cancellationToken);
        if (session is null)
        {
            // Ended sessions expire from the session store; the workout they became stays in history.
            return await workouts.GetAsync(request.UserId, request.SessionId, cancellationToken) is { } finished
                ? Response(finished)
                : throw new NotFoundException("Session", request.SessionId);
        }

        if (session.EndConflict(SessionStatus.Finished) is { } conflict)
        {
            throw new ConflictException(conflict);
        }

        var ended = session.EndedAt ?? now;
        var duration = Math.Max(1, (int)Math.Round((ended - session.StartedAt).TotalMinutes));

        // The workout takes the session's id, so a second finish (another device, a retry) finds the same workout and
        // the recorder repairs whatever side effect a failed first attempt left undone.
        var exercises = session.Exercises
            .GroupBy(e => e.ExerciseId)
            .Select(g => new WorkoutExercise(g.Key, g.First().ExerciseName, [.. g.SelectMany(e => e.Sets)]))
            .ToList();
        var workout = await recorder.RecordAsync(
            request.UserId,
            new Workout(session.Id, request.UserId, session.StartedAt, duration, request.SessionRpe, exercises)
            {
                Name = session.Name,
                Notes = request.Notes,
                Source = "session",
                Ranked = true,
            },
            cancellationToken);
        return Response(workout);
    }

    private FinishSessionResponse Response(Workout workout)
    {
        var dto = mapper.Map<WorkoutDto>(workout);
        return new FinishSessionResponse(workout.Id, new FinishSummary(dto.TotalSets, dto.TotalVolumeKg, workout.DurationMinutes ?? 0, workout.PersonalRecords));
    }
}
