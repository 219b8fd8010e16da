using FitCoach.Application.Features.Voice;
using FitCoach.Application.Features.Voice.LogVoice;
using FitCoach.Application.Features.Voice.ParseVoice;
using Microsoft.AspNetCore.Mvc;

namespace FitCoach.Api.Controllers;

/// <param name="Transcript">What the lifter said or typed, e.g. "bench 3 sets of 8 at 185 pounds rpe 7".</param>
/// <param name="DefaultUnit">kg or lb, used where the transcript names no unit (default kg).</param>
public sealed record VoiceParseRequest(string? Transcript, string? DefaultUnit);

/// <param name="Transcript">What the lifter said or typed.</param>
/// <param name="SessionId">The session to log into; default: your active one, started if none.</param>
/// <param name="DefaultUnit">kg or lb where the transcript names none (default: your profile's unit, else kg).</param>
public sealed record VoiceLogRequest(string? Transcript, string? SessionId, string? DefaultUnit);

[Route("api/voice")]
public sealed class VoiceController : ApiControllerBase
{
    /// <summary>Parses a spoken workout into exercises and sets; stores nothing.</summary>
    [HttpPost("parse")]
    [ProducesResponseType(typeof(VoiceParseResponse), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<VoiceParseResponse> Parse([FromBody] VoiceParseRequest request, CancellationToken cancellationToken) =>
        await Mediator.Send(new ParseVoiceQuery(Caller.UserId, request.Transcript?.Trim() ?? string.Empty, request.DefaultUnit), cancellationToken);

    /// <summary>Parses and logs into a session (the given one, or your active one, started if none).</summary>
    [HttpPost("log")]
    [ProducesResponseType(typeof(VoiceLogResponse), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<VoiceLogResponse> Log([FromBody] VoiceLogRequest request, CancellationToken cancellationToken) =>
        await Mediator.Send(new LogVoiceCommand(Caller.UserId, request.Transcript?.Trim() ?? string.Empty, request.SessionId, request.DefaultUnit), cancellationToken);
}
