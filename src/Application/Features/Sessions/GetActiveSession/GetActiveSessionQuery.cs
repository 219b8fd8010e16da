using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Sessions.GetActiveSession;

/// <summary><c>GET /api/sessions/active</c>.</summary>
public sealed record GetActiveSessionQuery(string UserId) : IQuery<SessionDto>;

public sealed class GetActiveSessionQueryHandler(ISessionStore sessions, IMapper mapper) : IRequestHandler<GetActiveSessionQuery, SessionDto>
{
    public async Task<SessionDto> Handle(GetActiveSessionQuery request, CancellationToken cancellationToken) =>
        await sessions.GetActiveAsync(request.UserId, cancellationToken) is { } session
            ? mapper.Map<SessionDto>(session)
            : throw new NotFoundException("Active session", request.UserId);
}
