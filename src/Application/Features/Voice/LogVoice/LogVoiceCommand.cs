using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.RateLimiting;
using FitCoach.Application.Features.Sessions;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Voice.LogVoice;

/// <summary><c>POST /api/voice/log</c>: parses and appends to the given or active session, starting one if none.</summary>
public sealed record LogVoiceCommand(string UserId, string Transcript, string? SessionId, string? DefaultUnit) : ICommand<VoiceLogResponse>, IRateLimited
{
    public string RateLimitGroup => RateLimitGroups.Voice;
}

public sealed class LogVoiceCommandHandler(VoiceTranscriptReader reader, ISessionStore sessions, IProfileStore profiles, TimeProvider time, IMapper mapper)
    : IRequestHandler<LogVoiceCommand, VoiceLogResponse>
{
    public async Task<VoiceLogResponse> Handle(LogVoiceCommand request, CancellationToken cancellationToken)
    {
        var unit = await VoiceTranscriptReader.UnitAsync(request.UserId, request.DefaultUnit, profiles, cancellationToken);
        var parsed = await reader.ReadAsync(request.Transcript, unit, cancellationToken);
        if (parsed.Exercises.Count == 0)
        {
            throw new RequestValidationException(
                "transcript",
                parsed.Unparsed.Count > 0
                    ? $"Nothing in the transcript could be logged: {string.Join("; ", parsed.Unparsed)}."
                    : "Nothing in the transcript could be logged.");
        }

        var now = time.GetUtcNow();
        var session = request.SessionId is { } id
            ? await sessions.GetAsync(request.UserId, id, cancellationToken) ?? throw new NotFoundException("Session", id)
            : await sessions.GetActiveAsync(request.UserId, cancellationToken)
              ?? await sessions.StartAsync(request.UserId, null, now, cancellationToken);
        var updated = await sessions.AppendAsync(request.UserId, session.Id, reader.ToLogged(parsed, now), cancellationToken)
            ?? throw new ConflictException($"Session '{session.Id}' is no longer active; start a new one to log into.");
        return new VoiceLogResponse(updated.Id, parsed.Exercises, parsed.Unparsed, parsed.Parser, mapper.Map<SessionDto>(updated));
    }
}
