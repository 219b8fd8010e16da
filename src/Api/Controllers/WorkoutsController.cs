using System.Globalization;
using FitCoach.Application.Features.Workouts;
using FitCoach.Application.Features.Workouts.ImportWorkout;
using FitCoach.Application.Features.Workouts.ListWorkouts;
using FitCoach.Domain.Workouts;
using Microsoft.AspNetCore.Mvc;

namespace FitCoach.Api.Controllers;

public sealed record ImportWorkoutRequest(
    DateTimeOffset? PerformedAt,
    int? DurationMinutes,
    double? SessionRpe,
    string? Name,
    string? Notes,
    IReadOnlyList<ImportedExerciseRequest>? Exercises);

public sealed record ImportedExerciseRequest(string? ExerciseId, IReadOnlyList<WorkoutSet>? Sets);

[Route("api/workouts")]
public sealed class WorkoutsController : ApiControllerBase
{
    /// <summary>Your workouts performed between <paramref name="from"/> and <paramref name="to"/> (default: the last 30 days).</summary>
    [HttpGet]
    [ProducesResponseType(typeof(IReadOnlyList<WorkoutDto>), StatusCodes.Status200OK)]
    public async Task<IReadOnlyList<WorkoutDto>> List([FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to, CancellationToken cancellationToken) =>
        await Mediator.Send(new ListWorkoutsQuery(Caller.UserId, from, to), cancellationToken);

    /// <summary>Imports a finished workout (e1RM per set, PRs and leaderboards included).</summary>
    [HttpPost]
    [ProducesResponseType(typeof(WorkoutDto), StatusCodes.Status201Created)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<WorkoutDto>> Import([FromBody] ImportWorkoutRequest request, CancellationToken cancellationToken)
    {
        var workout = await Mediator.Send(
            new ImportWorkoutCommand(
                Caller.UserId,
                request.PerformedAt,
                request.DurationMinutes,
                request.SessionRpe,
                request.Name,
                request.Notes,
                request.Exercises?.Select(e => new ImportedExercise(e.ExerciseId, e.Sets)).ToList()),
            cancellationToken);
        return Created($"/api/workouts{WorkoutQuery(workout.PerformedAt)}", workout);
    }

    /// <summary>
    /// <c>?from=…&amp;to=…</c> selecting the millisecond the workout was performed in (history ranges are inclusive
    /// and kept to the millisecond), as UTC with a <c>Z</c> and escaped, so following the Location lists it.
    /// </summary>
    private static QueryString WorkoutQuery(DateTimeOffset performedAt)
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(performedAt.ToUnixTimeMilliseconds())
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return QueryString.Create(new Dictionary<string, string?> { ["from"] = at, ["to"] = at });
    }
}
