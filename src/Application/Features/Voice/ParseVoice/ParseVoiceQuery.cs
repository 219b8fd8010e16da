using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.RateLimiting;
using MediatR;

namespace FitCoach.Application.Features.Voice.ParseVoice;

/// <summary><c>POST /api/voice/parse</c>: parses only; stores nothing.</summary>
public sealed record ParseVoiceQuery(string UserId, string Transcript, string? DefaultUnit) : IQuery<VoiceParseResponse>, IRateLimited
{
    public string RateLimitGroup => RateLimitGroups.Voice;
}

public sealed class ParseVoiceQueryHandler(VoiceTranscriptReader reader, IProfileStore profiles) : IRequestHandler<ParseVoiceQuery, VoiceParseResponse>
{
    public async Task<VoiceParseResponse> Handle(ParseVoiceQuery request, CancellationToken cancellationToken) =>
        await reader.ReadAsync(request.Transcript, await VoiceTranscriptReader.UnitAsync(request.UserId, request.DefaultUnit, profiles, cancellationToken), cancellationToken);
}
