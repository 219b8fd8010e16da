using FluentValidation;

namespace FitCoach.Application.Features.Workouts.ImportWorkout;

public sealed class ImportWorkoutCommandValidator : AbstractValidator<ImportWorkoutCommand>
{
    public const int MaxExercises = 50;
    public const int MaxSetsPerExercise = 50;

    public ImportWorkoutCommandValidator(TimeProvider time)
    {
        RuleFor(c => c.PerformedAt).NotNull().WithMessage("performedAt is required (ISO-8601).");
        RuleFor(c => c.PerformedAt)
            .Must(at => at is null || (at > new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero) && at <= time.GetUtcNow().AddHours(14)))
            .WithMessage("performedAt must be after 2000 and not in the future.");
        RuleFor(c => c.DurationMinutes).InclusiveBetween(1, 600).When(c => c.DurationMinutes is not null);
        RuleFor(c => c.SessionRpe).InclusiveBetween(1, 10).When(c => c.SessionRpe is not null);
        RuleFor(c => c.Name).MaximumLength(100);
        RuleFor(c => c.Notes).MaximumLength(2000);

        // The count rules run first and stop the validator: a 5,000-exercise body is refused without checking each set.
        RuleFor(c => c.Exercises).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("At least one exercise is required.")
            .Must(e => e!.Count <= MaxExercises).WithMessage($"At most {MaxExercises} exercises.")
            .Must(e => e!.All(x => x.Sets is null || x.Sets.Count <= MaxSetsPerExercise)).WithMessage($"At most {MaxSetsPerExercise} sets per exercise.")
            .DependentRules(() => RuleForEach(c => c.Exercises).ChildRules(exercise =>
            {
                exercise.RuleFor(e => e.ExerciseId).NotEmpty();
                exercise.RuleFor(e => e.Sets).NotEmpty().WithMessage($"1 to {MaxSetsPerExercise} sets per exercise.");
                exercise.RuleForEach(e => e.Sets).SetValidator(new WorkoutSetValidator());
            }));
    }
}
