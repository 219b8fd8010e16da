using FitCoach.Application.Features.Coach.AskCoach;
using Microsoft.AspNetCore.Mvc;

namespace FitCoach.Api.Controllers;

/// <param name="Question">What you want to know, e.g. "how much protein do I need to build muscle?".</param>
/// <param name="ConversationId">Continue a conversation: the id a previous answer returned. Omit to start one.</param>
public sealed record AskCoachRequest(string? Question, string? ConversationId);

[Route("api/coach")]
public sealed class CoachController : ApiControllerBase
{
    /// <summary>
    /// Answers from the sports-science knowledge base, fitted to your profile and recent training, citing its sources.
    /// <c>cached</c> is true when an earlier answer to the same (or a reworded) question for the same context was reused.
    /// </summary>
    [HttpPost("ask")]
    [ProducesResponseType(typeof(AskCoachResponse), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<AskCoachResponse> Ask([FromBody] AskCoachRequest request, CancellationToken cancellationToken) =>
        await Mediator.Send(new AskCoachCommand(Caller.UserId, request.Question ?? string.Empty, request.ConversationId), cancellationToken);
}
