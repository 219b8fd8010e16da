using FitCoach.Application.Features.Chat.SwapExercise;
using FitCoach.Application.Features.Chat.SwapExerciseEnhanced;
using Microsoft.AspNetCore.Mvc;

namespace FitCoach.Api.Controllers;

/// <param name="Exercise">A catalog id (<c>Barbell_Squat</c>), one of your exercise ids, or a name as you would say it ("RDL", "db bench").</param>
/// <param name="Reason">Optional, e.g. "no rack at home" or "my knee hurts on these": a painful body region named here is avoided.</param>
/// <param name="Equipment">Optional: only these may be used (the equipment vocabulary; list bodyweight to allow bodyweight moves).</param>
/// <param name="Limit">How many substitutes (1–50, default 10).</param>
public sealed record SwapExerciseRequest(string? Exercise, string? Reason, IReadOnlyList<string>? Equipment, int? Limit);

/// <param name="Message">The swap in your own words, e.g. "no rack at home, swap my squats, I only have dumbbells".</param>
/// <param name="Limit">How many substitutes (1–50, default 5).</param>
public sealed record SwapExerciseEnhancedRequest(string? Message, int? Limit);

[Route("api/chat")]
public sealed class ChatController : ApiControllerBase
{
    /// <summary>
    /// Finds the exercise you mean (by id or name; never creates one) and what to do instead: <c>original</c>, ranked
    /// <c>substitutes</c> with reasons, how the exercise was found (<c>matchedBy</c>) and the painful regions the reason
    /// named (<c>injuries</c>), whose loading patterns were left out.
    /// </summary>
    [HttpPost("swap-exercise")]
    [ProducesResponseType(typeof(SwapExerciseResponse), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<SwapExerciseResponse> SwapExercise([FromBody] SwapExerciseRequest request, CancellationToken cancellationToken) =>
        await Mediator.Send(
            new SwapExerciseCommand(Caller.UserId, request.Exercise ?? string.Empty, request.Reason, request.Equipment,
                request.Limit ?? SwapExerciseCommand.DefaultLimit),
            cancellationToken);

    /// <summary>
    /// A swap asked in everyday words: the exercise, the equipment you have or lack, and anything that hurts are read
    /// from the message; the answer says what was read (<c>equipment</c>, <c>excludedEquipment</c>, <c>injuries</c>),
    /// ranks substitutes that respect it, explains the best, and cites passages on swapping exercises.
    /// </summary>
    [HttpPost("swap-exercise-enhanced")]
    [ProducesResponseType(typeof(SwapExerciseEnhancedResponse), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<SwapExerciseEnhancedResponse> SwapExerciseEnhanced([FromBody] SwapExerciseEnhancedRequest request, CancellationToken cancellationToken) =>
        await Mediator.Send(
            new SwapExerciseEnhancedQuery(Caller.UserId, request.Message ?? string.Empty, request.Limit ?? SwapExerciseEnhancedQuery.DefaultLimit),
            cancellationToken);
}
