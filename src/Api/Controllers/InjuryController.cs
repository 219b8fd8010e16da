using FitCoach.Application.Features.Injury.AnalyzeInjury;
using Microsoft.AspNetCore.Mvc;

namespace FitCoach.Api.Controllers;

/// <param name="Description">What hurts, where, since when and what makes it worse, in your own words.</param>
/// <param name="BodyRegion">Optional; otherwise read from the description. One of the profile's body regions.</param>
/// <param name="PainLevel">Optional, 0–10.</param>
public sealed record AnalyzeInjuryRequest(string? Description, string? BodyRegion, int? PainLevel);

[Route("api/injury")]
public sealed class InjuryController : ApiControllerBase
{
    /// <summary>
    /// Reads a pain description: the region, what it may be (never a diagnosis), severity, red flags (any one means see
    /// a professional), exercises to avoid and to do instead, and advice from the injury knowledge base with sources.
    /// </summary>
    [HttpPost("analyze")]
    [ProducesResponseType(typeof(AnalyzeInjuryResponse), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<AnalyzeInjuryResponse> Analyze([FromBody] AnalyzeInjuryRequest request, CancellationToken cancellationToken) =>
        await Mediator.Send(new AnalyzeInjuryQuery(Caller.UserId, request.Description ?? string.Empty, request.BodyRegion, request.PainLevel), cancellationToken);
}
