using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Workouts;
using FluentValidation;
using MediatR;

namespace FitCoach.Application.Features.Workouts;

public sealed record ImportedExercise(string? ExerciseId, IReadOnlyList<WorkoutSet>? Sets);

/// <summary><c>POST /api/workouts</c>: imports a finished workout into history (PRs and leaderboards included).</summary>
public sealed record ImportWorkoutCommand(
    string UserId,
    DateTimeOffset? PerformedAt,
    int? DurationMinutes,
    double? SessionRpe,
    string? Name,
    string? Notes,
    IReadOnlyList<ImportedExercise>? Exercises) : ICommand<WorkoutDto>;

public sealed class ImportWorkoutCommandValidator : AbstractValidator<ImportWorkoutCommand>
{
    public ImportWorkoutCommandValidator(IClock clock)
    {
        RuleFor(c => c.PerformedAt).NotNull().WithMessage("performedAt is required (ISO-8601).");
        RuleFor(c => c.PerformedAt)
            .Must(at => at is null || (at > new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) && at <= clock.UtcNow.AddHours(14)))
            .WithMessage("performedAt must be after 2000 and not in the future.");
        RuleFor(c => c.DurationMinutes).InclusiveBetween(1, 600).When(c => c.DurationMinutes is not null);
        RuleFor(c => c.SessionRpe).InclusiveBetween(1, 10).When(c => c.SessionRpe is not null);
        RuleFor(c => c.Name).MaximumLength(100);
        RuleFor(c => c.Notes).MaximumLength(2000);
        RuleFor(c => c.Exercises).NotEmpty().WithMessage("At least one exercise is required.")
            .Must(e => e is null || e.Count <= 50).WithMessage("At most 50 exercises.");
        RuleForEach(c => c.Exercises).ChildRules(exercise =>
        {
            exercise.RuleFor(e => e.ExerciseId).NotEmpty();
            exercise.RuleFor(e => e.Sets).NotEmpty().Must(s => s is null || s.Count <= 50).WithMessage("1 to 50 sets per exercise.");
            exercise.RuleForEach(e => e.Sets).SetValidator(new WorkoutSetValidator());
        });
    }
}

public sealed class ImportWorkoutCommandHandler(IExerciseCatalog catalog, ICustomExerciseStore customs, WorkoutRecorder recorder)
    : IRequestHandler<ImportWorkoutCommand, WorkoutDto>
{
    public async Task<WorkoutDto> Handle(ImportWorkoutCommand request, CancellationToken cancellationToken)
    {
        var own = await customs.ListAsync(request.UserId, cancellationToken);
        var exercises = new List<WorkoutExercise>();
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < request.Exercises!.Count; i++)
        {
            var id = request.Exercises[i].ExerciseId!;
            var exercise = catalog.Find(id) ?? own.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase));
            if (exercise is null)
            {
                errors[$"exercises[{i}].exerciseId"] = [$"'{id}' is not a catalog exercise or one of yours."];
                continue;
            }

            exercises.Add(new WorkoutExercise(exercise.Id, exercise.Name, request.Exercises[i].Sets!));
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var workout = await recorder.RecordAsync(
            request.UserId,
            new Workout(Guid.NewGuid().ToString("N"), request.UserId, request.PerformedAt!.Value.ToUniversalTime(), request.DurationMinutes, request.SessionRpe, exercises)
            {
                Name = request.Name,
                Notes = request.Notes,
                Source = "import",
            },
            cancellationToken);
        return WorkoutDto.From(workout);
    }
}
