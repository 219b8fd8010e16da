using FitCoach.Application.Features.Sessions;
using FitCoach.Application.Features.Sessions.DiscardSession;
using FitCoach.Application.Features.Sessions.FinishSession;
using FitCoach.Application.Features.Sessions.GetActiveSession;
using FitCoach.Application.Features.Sessions.GetSession;
using FitCoach.Application.Features.Sessions.StartSession;
using Microsoft.AspNetCore.Mvc;

namespace FitCoach.Api.Controllers;

public sealed record StartSessionRequest(string? Name);

public sealed record FinishSessionRequest(double? SessionRpe, string? Notes);

/// <summary>Live workout sessions, shared by all of the caller's devices.</summary>
[Route("api/sessions")]
public sealed class SessionsController : ApiControllerBase
{
    /// <summary>Starts a session and makes it your active one.</summary>
    [HttpPost]
    [ProducesResponseType(typeof(SessionDto), StatusCodes.Status201Created)]
    public async Task<ActionResult<SessionDto>> Start([FromBody] StartSessionRequest? request, CancellationToken cancellationToken)
    {
        var session = await Mediator.Send(new StartSessionCommand(Caller.UserId, request?.Name), cancellationToken);
        return CreatedAtAction(nameof(Get), new { id = session.Id }, session);
    }

    /// <summary>Your active session, from any device (404 if none).</summary>
    [HttpGet("active")]
    [ProducesResponseType(typeof(SessionDto), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<SessionDto> Active(CancellationToken cancellationToken) =>
        await Mediator.Send(new GetActiveSessionQuery(Caller.UserId), cancellationToken);

    [HttpGet("{id}")]
    [ProducesResponseType(typeof(SessionDto), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<SessionDto> Get(string id, CancellationToken cancellationToken) =>
        await Mediator.Send(new GetSessionQuery(Caller.UserId, id), cancellationToken);

    /// <summary>Discards a session: nothing goes to history.</summary>
    [HttpDelete("{id}")]
    [ProducesResponseType(typeof(SessionDto), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<SessionDto> Discard(string id, CancellationToken cancellationToken) =>
        await Mediator.Send(new DiscardSessionCommand(Caller.UserId, id), cancellationToken);

    /// <summary>Finishes a session into a workout in history (idempotent), with PRs and leaderboard updates.</summary>
    [HttpPost("{id}/finish")]
    [ProducesResponseType(typeof(FinishSessionResponse), StatusCodes.Status200OK)]
    public async Task<FinishSessionResponse> Finish(string id, [FromBody] FinishSessionRequest? request, CancellationToken cancellationToken) =>
        await Mediator.Send(new FinishSessionCommand(Caller.UserId, id, request?.SessionRpe, request?.Notes), cancellationToken);
}
