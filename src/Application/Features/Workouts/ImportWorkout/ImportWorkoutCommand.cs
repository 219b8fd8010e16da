using System.Security.Cryptography;
using System.Text;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.RateLimiting;
using FitCoach.Application.Features.Workouts.Recording;
using FitCoach.Domain.Workouts;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Workouts.ImportWorkout;

public sealed record ImportedExercise(string? ExerciseId, IReadOnlyList<WorkoutSet>? Sets);

/// <summary>
/// <c>POST /api/workouts</c>: puts a finished workout into history (PRs included). Its id is derived from the user
/// and its start time, so posting the same workout again (a retry after a lost response) finds the stored one and
/// repairs any side effect the first attempt left undone, instead of adding a copy. It counts on the public boards
/// only when it was performed within the last <see cref="WorkoutRecorder.RankedWindow"/>.
/// </summary>
public sealed record ImportWorkoutCommand(
    string UserId,
    DateTimeOffset? PerformedAt,
    int? DurationMinutes,
    double? SessionRpe,
    string? Name,
    string? Notes,
    IReadOnlyList<ImportedExercise>? Exercises) : ICommand<WorkoutDto>, IRateLimited
{
    public string RateLimitGroup => RateLimitGroups.Workouts;
}

public sealed class ImportWorkoutCommandHandler(IExerciseCatalog catalog, ICustomExerciseStore customs, WorkoutRecorder recorder, IMapper mapper)
    : IRequestHandler<ImportWorkoutCommand, WorkoutDto>
{
    public const string Source = "import";

    public async Task<WorkoutDto> Handle(ImportWorkoutCommand request, CancellationToken cancellationToken)
    {
        IReadOnlyList<FitCoach.Domain.Exercises.Exercise>? own = null;
        var exercises = new List<WorkoutExercise>();
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < request.Exercises!.Count; i++)
        {
            var id = request.Exercises[i].ExerciseId!;
            var exercise = catalog.Find(id);
            if (exercise is null)
            {
                own ??= await customs.ListAsync(request.UserId, cancellationToken);
                exercise = own.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase));
            }

            if (exercise is null)
            {
                errors[$"exercises[{i}].exerciseId"] = [$"'{id}' is not a catalog exercise or one of yours."];
                continue;
            }

            var sets = request.Exercises[i].Sets!;
            for (var j = 0; j < sets.Count; j++)
            {
                if (PlausibleLoads.Problem(exercise, sets[j]) is { } implausible)
                {
                    errors[$"exercises[{i}].sets[{j}].weight"] = [implausible];
                }
            }

            exercises.Add(new WorkoutExercise(exercise.Id, exercise.Name, sets));
        }

        if (errors.Count == 0 && WorkoutMath.VolumeKg(exercises) > PlausibleLoads.MaxWorkoutVolumeKg)
        {
            errors["exercises"] = [$"The workout adds up to more than {PlausibleLoads.MaxWorkoutVolumeKg:N0} kg lifted, which no session does; check the sets."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var performedAt = request.PerformedAt!.Value.ToUniversalTime();
        var workout = await recorder.RecordAsync(
            request.UserId,
            new Workout(IdFor(request.UserId, performedAt), request.UserId, performedAt, request.DurationMinutes, request.SessionRpe, exercises)
            {
                Name = request.Name,
                Notes = request.Notes,
                Source = Source,
                Ranked = true,
            },
            cancellationToken);
        return mapper.Map<WorkoutDto>(workout);
    }

    /// <summary>One workout per user and start time (to the millisecond): the same post twice is the same workout.</summary>
    public static string IdFor(string userId, DateTimeOffset performedAt)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{Source}\n{userId}\n{performedAt.ToUnixTimeMilliseconds()}"));
        return "w" + Convert.ToHexStringLower(hash)[..31];
    }
}
