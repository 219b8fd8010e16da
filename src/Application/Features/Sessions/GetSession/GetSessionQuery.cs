using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Sessions.GetSession;

/// <summary><c>GET /api/sessions/{id}</c>.</summary>
public sealed record GetSessionQuery(string UserId, string SessionId) : IQuery<SessionDto>;

public sealed class GetSessionQueryHandler(ISessionStore sessions, IMapper mapper) : IRequestHandler<GetSessionQuery, SessionDto>
{
    public async Task<SessionDto> Handle(GetSessionQuery request, CancellationToken cancellationToken) =>
        await sessions.GetAsync(request.UserId, request.SessionId, cancellationToken) is { } session
            ? mapper.Map<SessionDto>(session)
            : throw new NotFoundException("Session", request.SessionId);
}
