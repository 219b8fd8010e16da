using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Exercises;

namespace FitCoach.Application.Features.Exercises;

/// <summary>An exercise by id: the catalog's, else one of the caller's own; a 404 when neither has it.</summary>
public sealed class ExerciseLookup(IExerciseCatalog catalog, ICustomExerciseStore customStore)
{
    public async Task<Exercise> RequireAsync(string userId, string id, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is { } exercise)
        {
            return exercise;
        }

        var customs = await customStore.ListAsync(userId, cancellationToken);
        return customs.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? throw new NotFoundException("Exercise", id);
    }
}
