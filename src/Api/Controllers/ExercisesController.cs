using FitCoach.Application.Features.Exercises;
using FitCoach.Application.Features.Exercises.CreateOrMatch;
using FitCoach.Application.Features.Exercises.ExplainSubstitute;
using FitCoach.Application.Features.Exercises.GetById;
using FitCoach.Application.Features.Exercises.RiskAwareSubstitutes;
using FitCoach.Application.Features.Exercises.Search;
using FitCoach.Application.Features.Exercises.Substitutes;
using Microsoft.AspNetCore.Mvc;

namespace FitCoach.Api.Controllers;

/// <param name="Name">What the user typed or said, e.g. "RDL", "db bench", "venture press".</param>
/// <param name="Equipment">Optional hint in the contract vocabulary (barbell, dumbbell, ...).</param>
/// <param name="PrimaryMuscles">Used only when a custom exercise is created.</param>
public sealed record CreateOrMatchExerciseRequest(string? Name, string? Equipment, IReadOnlyList<string>? PrimaryMuscles);

/// <param name="ExerciseId">A catalog id such as <c>Barbell_Squat</c>, or the id of one of your exercises.</param>
/// <param name="Injuries">Injured body regions: neck, shoulder, elbow, wrist_hand, chest, upper_back, lower_back, hip, groin, hamstring, quadriceps, knee, shin, calf, ankle, foot, other.</param>
/// <param name="Equipment">Optional: only these may be used (the equipment vocabulary; list bodyweight to allow bodyweight moves).</param>
/// <param name="Limit">How many substitutes (1–50, default 10).</param>
public sealed record RiskAwareSubstitutesRequest(string? ExerciseId, IReadOnlyList<string>? Injuries, IReadOnlyList<string>? Equipment, int? Limit);

/// <param name="ExerciseId">The exercise to replace: a catalog id such as <c>Barbell_Squat</c>, or one of yours.</param>
/// <param name="SubstituteId">The exercise to use instead.</param>
public sealed record ExplainSubstituteRequest(string? ExerciseId, string? SubstituteId);

[Route("api/exercises")]
public sealed class ExercisesController : ApiControllerBase
{
    /// <summary>Searches the catalog and your own exercises; <paramref name="q"/> tolerates abbreviations and typos.</summary>
    [HttpGet]
    [ProducesResponseType(typeof(IReadOnlyList<ExerciseDto>), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<IReadOnlyList<ExerciseDto>> Search(
        [FromQuery] string? q, [FromQuery] string? equipment, [FromQuery] string? muscle, [FromQuery] int? limit, CancellationToken cancellationToken) =>
        await Mediator.Send(new SearchExercisesQuery(Caller.UserId, q, equipment, muscle, limit ?? SearchExercisesQuery.DefaultLimit), cancellationToken);

    /// <summary>
    /// Catalog exercises that can stand in for one: same main muscle and kind of training, ranked by movement pattern,
    /// muscles, force, mechanic, level and equipment, each with a reason. <paramref name="equipment"/> is a
    /// comma-separated list of what you have (e.g. <c>dumbbell,bodyweight</c>); only those are used.
    /// </summary>
    [HttpGet("substitutes")]
    [ProducesResponseType(typeof(SubstitutesResponse), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<SubstitutesResponse> Substitutes(
        [FromQuery] string? exerciseId, [FromQuery] string? equipment, [FromQuery] int? limit, CancellationToken cancellationToken) =>
        await Mediator.Send(
            new GetSubstitutesQuery(Caller.UserId, exerciseId ?? string.Empty, equipment, limit ?? GetSubstitutesQuery.DefaultLimit),
            cancellationToken);

    /// <summary>
    /// Substitutes that load none of your injured regions, what was left out and why (<c>avoided</c>), whether the
    /// exercise itself is a risk (<c>originalRisk</c>), and passages on training around the injury (<c>sources</c>).
    /// </summary>
    [HttpPost("substitutes/risk-aware")]
    [ProducesResponseType(typeof(RiskAwareSubstitutesResponse), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<RiskAwareSubstitutesResponse> RiskAware([FromBody] RiskAwareSubstitutesRequest request, CancellationToken cancellationToken) =>
        await Mediator.Send(
            new RiskAwareSubstitutesQuery(Caller.UserId, request.ExerciseId ?? string.Empty, request.Injuries ?? [], request.Equipment,
                request.Limit ?? RiskAwareSubstitutesQuery.DefaultLimit),
            cancellationToken);

    /// <summary>
    /// Why one exercise can (or cannot) replace another: pattern, muscles, equipment and difficulty compared, with
    /// guidance on load and technique from the knowledge base, cited.
    /// </summary>
    [HttpPost("substitutes/explain")]
    [ProducesResponseType(typeof(ExplainSubstituteResponse), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<ExplainSubstituteResponse> Explain([FromBody] ExplainSubstituteRequest request, CancellationToken cancellationToken) =>
        await Mediator.Send(new ExplainSubstituteQuery(Caller.UserId, request.ExerciseId ?? string.Empty, request.SubstituteId ?? string.Empty), cancellationToken);

    /// <summary>One exercise by catalog id (e.g. <c>Barbell_Squat</c>) or the id of one you created.</summary>
    [HttpGet("{id}")]
    [ProducesResponseType(typeof(ExerciseDto), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ExerciseDto> Get(string id, CancellationToken cancellationToken) =>
        await Mediator.Send(new GetExerciseQuery(Caller.UserId, id), cancellationToken);

    /// <summary>Resolves a name to a catalog exercise, or creates a custom one owned by you when nothing matches well.</summary>
    [HttpPost("create-or-match")]
    [ProducesResponseType(typeof(CreateOrMatchExerciseResponse), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status429TooManyRequests, "application/problem+json")]
    public async Task<CreateOrMatchExerciseResponse> CreateOrMatch([FromBody] CreateOrMatchExerciseRequest request, CancellationToken cancellationToken) =>
        await Mediator.Send(
            new CreateOrMatchExerciseCommand(Caller.UserId, request.Name ?? string.Empty, request.Equipment, request.PrimaryMuscles),
            cancellationToken);
}
