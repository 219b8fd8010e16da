using FitCoach.Domain.Exercises;

namespace FitCoach.Application.Common.Ports;

/// <summary>The shipped exercise catalog (read-only, loaded once).</summary>
public interface IExerciseCatalog
{
    IReadOnlyList<Exercise> All { get; }

    Exercise? Find(string id);
}

/// <summary>Exercises a user created; each user sees only their own.</summary>
public interface ICustomExerciseStore
{
    Task<IReadOnlyList<Exercise>> ListAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Stores the exercise under its id for the user; storing the same id again replaces it.</summary>
    Task SaveAsync(string userId, Exercise exercise, CancellationToken cancellationToken);
}
