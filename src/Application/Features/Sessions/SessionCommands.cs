using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Workouts;
using FitCoach.Domain.Workouts;
using FluentValidation;
using MediatR;

namespace FitCoach.Application.Features.Sessions;

/// <summary><c>POST /api/sessions</c>: starts a session and makes it the caller's active one on every device.</summary>
public sealed record StartSessionCommand(string UserId, string? Name) : ICommand<SessionDto>;

public sealed class StartSessionCommandValidator : AbstractValidator<StartSessionCommand>
{
    public StartSessionCommandValidator() => RuleFor(c => c.Name).MaximumLength(100);
}

public sealed class StartSessionCommandHandler(ISessionStore sessions, IClock clock) : IRequestHandler<StartSessionCommand, SessionDto>
{
    public async Task<SessionDto> Handle(StartSessionCommand request, CancellationToken cancellationToken) =>
        SessionDto.From(await sessions.StartAsync(request.UserId, request.Name?.Trim(), clock.UtcNow, cancellationToken));
}

/// <summary><c>GET /api/sessions/active</c>.</summary>
public sealed record GetActiveSessionQuery(string UserId) : IQuery<SessionDto>;

public sealed class GetActiveSessionQueryHandler(ISessionStore sessions) : IRequestHandler<GetActiveSessionQuery, SessionDto>
{
    public async Task<SessionDto> Handle(GetActiveSessionQuery request, CancellationToken cancellationToken) =>
        await sessions.GetActiveAsync(request.UserId, cancellationToken) is { } session
            ? SessionDto.From(session)
            : throw new NotFoundException("Active session", request.UserId);
}

/// <summary><c>GET /api/sessions/{id}</c>.</summary>
public sealed record GetSessionQuery(string UserId, string SessionId) : IQuery<SessionDto>;

public sealed class GetSessionQueryHandler(ISessionStore sessions) : IRequestHandler<GetSessionQuery, SessionDto>
{
    public async Task<SessionDto> Handle(GetSessionQuery request, CancellationToken cancellationToken) =>
        await sessions.GetAsync(request.UserId, request.SessionId, cancellationToken) is { } session
            ? SessionDto.From(session)
            : throw new NotFoundException("Session", request.SessionId);
}

/// <summary><c>DELETE /api/sessions/{id}</c>: discards an active session; nothing goes to history.</summary>
public sealed record DiscardSessionCommand(string UserId, string SessionId) : ICommand<SessionDto>;

public sealed class DiscardSessionCommandHandler(ISessionStore sessions, IClock clock) : IRequestHandler<DiscardSessionCommand, SessionDto>
{
    public async Task<SessionDto> Handle(DiscardSessionCommand request, CancellationToken cancellationToken)
    {
        var ended = await sessions.EndAsync(request.UserId, request.SessionId, SessionStatus.Discarded, clock.UtcNow, cancellationToken)
            ?? throw new NotFoundException("Session", request.SessionId);
        return ended.Status == SessionStatus.Finished
            ? throw new ConflictException($"Session '{request.SessionId}' is already finished and in your history; it cannot be discarded.")
            : SessionDto.From(ended);
    }
}

/// <summary><c>POST /api/sessions/{id}/finish</c>: the session becomes a workout; finishing again returns the same one.</summary>
public sealed record FinishSessionCommand(string UserId, string SessionId, double? SessionRpe, string? Notes) : ICommand<FinishSessionResponse>;

public sealed record FinishSummary(int TotalSets, double TotalVolumeKg, int DurationMinutes, IReadOnlyList<PersonalRecord> PersonalRecords);

public sealed record FinishSessionResponse(string WorkoutId, FinishSummary Summary);

public sealed class FinishSessionCommandValidator : AbstractValidator<FinishSessionCommand>
{
    public FinishSessionCommandValidator()
    {
        RuleFor(c => c.SessionRpe).InclusiveBetween(1, 10).When(c => c.SessionRpe is not null);
        RuleFor(c => c.Notes).MaximumLength(2000);
    }
}

public sealed class FinishSessionCommandHandler(ISessionStore sessions, IWorkoutStore workouts, WorkoutRecorder recorder, IClock clock)
    : IRequestHandler<FinishSessionCommand, FinishSessionResponse>
{
    public async Task<FinishSessionResponse> Handle(FinishSessionCommand request, CancellationToken cancellationToken)
    {
        var session = await sessions.EndAsync(request.UserId, request.SessionId, SessionStatus.Finished, clock.UtcNow, cancellationToken);
        if (session is null)
        {
            // Ended sessions expire from the session store; the workout they became stays in history.
            return await workouts.GetAsync(request.UserId, request.SessionId, cancellationToken) is { } finished
                ? Response(finished)
                : throw new NotFoundException("Session", request.SessionId);
        }

        if (session.Status == SessionStatus.Discarded)
        {
            throw new ConflictException($"Session '{request.SessionId}' was discarded; it cannot be finished.");
        }

        var ended = session.EndedAt ?? clock.UtcNow;
        var duration = Math.Max(1, (int)Math.Round((ended - session.StartedAt).TotalMinutes));

        // The workout takes the session's id, so a second finish (another device, a retry) finds the same workout.
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
            },
            cancellationToken);
        return Response(workout);
    }

    private static FinishSessionResponse Response(Workout workout)
    {
        var dto = WorkoutDto.From(workout);
        return new FinishSessionResponse(
            workout.Id,
            new FinishSummary(dto.TotalSets, dto.TotalVolumeKg, workout.DurationMinutes ?? 0, workout.PersonalRecords));
    }
}
