using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Workouts;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Sessions.DiscardSession;

/// <summary><c>DELETE /api/sessions/{id}</c>: discards an active session; nothing goes to history.</summary>
public sealed record DiscardSessionCommand(string UserId, string SessionId) : ICommand<SessionDto>;

public sealed class DiscardSessionCommandHandler(ISessionStore sessions, TimeProvider time, IMapper mapper)
    : IRequestHandler<DiscardSessionCommand, SessionDto>
{
    public async Task<SessionDto> Handle(DiscardSessionCommand request, CancellationToken cancellationToken)
    {
        var ended = await sessions.EndAsync(request.UserId, request.SessionId, SessionStatus.Discarded, time.GetUtcNow(), cancellationToken)
            ?? throw new NotFoundException("Session", request.SessionId);
        return ended.EndConflict(SessionStatus.Discarded) is { } conflict
            ? throw new ConflictException(conflict)
            : mapper.Map<SessionDto>(ended);
    }
}
