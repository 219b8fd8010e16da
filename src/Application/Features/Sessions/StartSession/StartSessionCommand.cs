using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.RateLimiting;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Sessions.StartSession;

/// <summary>
/// <c>POST /api/sessions</c>: starts a session and makes it the caller's active one on every device; a session still
/// active is ended as abandoned (one active session per user).
/// </summary>
public sealed record StartSessionCommand(string UserId, string? Name) : ICommand<SessionDto>, IRateLimited
{
    public string RateLimitGroup => RateLimitGroups.Sessions;
}

public sealed class StartSessionCommandHandler(ISessionStore sessions, TimeProvider time, IMapper mapper)
    : IRequestHandler<StartSessionCommand, SessionDto>
{
    public async Task<SessionDto> Handle(StartSessionCommand request, CancellationToken cancellationToken) =>
        mapper.Map<SessionDto>(await sessions.StartAsync(request.UserId, request.Name?.Trim(), time.GetUtcNow(), cancellationToken));
}
