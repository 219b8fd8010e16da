using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Exercises.CreateOrMatch;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Domain.Exercises;

namespace FitCoach.Application.Features.Exercises;

/// <summary>An existing exercise found for a caller: by id (<see cref="Id"/>), by its words, or by meaning.</summary>
public sealed record FoundExercise(Exercise Exercise, string MatchedBy)
{
    public const string Id = "id";
    public const string Name = CreateOrMatchExerciseResponse.ByName;
    public const string Meaning = CreateOrMatchExerciseResponse.ByMeaning;
}

/// <summary>
/// Finds an existing exercise for a caller, never creating one: by id (the catalog's, else one of the caller's own),
/// or by what people call it, in create-or-match's order (the catalog's words through the match cache, the caller's
/// own exercises, then meaning).
/// </summary>
public sealed class ExerciseLookup(
    IExerciseCatalog catalog,
    ICustomExerciseStore customStore,
    ExerciseMatchCache matchCache,
    CustomExerciseMatchers customMatchers,
    ExerciseMeaningMatcher meaningMatcher)
{
    /// <summary>The exercise with this id; a 404 when neither the catalog nor the caller has it.</summary>
    public async Task<Exercise> RequireAsync(string userId, string id, CancellationToken cancellationToken) =>
        (await ByIdAsync(userId, id, cancellationToken)).Exercise
            ?? throw new NotFoundException("Exercise", id);

    /// <summary>The exercise a catalog id, one of the caller's ids, or a name stands for; null when nothing matches well.</summary>
    public async Task<FoundExercise?> FindAsync(string userId, string idOrName, CancellationToken cancellationToken)
    {
        var text = idOrName.Trim();
        var (byId, customs) = await ByIdAsync(userId, text, cancellationToken);
        if (byId is not null)
        {
            return new FoundExercise(byId, FoundExercise.Id);
        }

        var match = await matchCache.MatchAsync(text, null, cancellationToken);
        if (match.ExerciseId is not null && catalog.Find(match.ExerciseId) is { } byName)
        {
            return new FoundExercise(byName, FoundExercise.Name);
        }

        if (customs.Count > 0 && customMatchers.For(userId, customs).BestMatch(text) is { } own)
        {
            return new FoundExercise(own.Exercise, FoundExercise.Name);
        }

        return await meaningMatcher.MatchAsync(text, null, cancellationToken) is { } byMeaning
            ? new FoundExercise(byMeaning.Exercise, FoundExercise.Meaning)
            : null;
    }

    private async Task<(Exercise? Exercise, IReadOnlyList<Exercise> Customs)> ByIdAsync(string userId, string id, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is { } exercise)
        {
            return (exercise, []);
        }

        var customs = await customStore.ListAsync(userId, cancellationToken);
        return (customs.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase)), customs);
    }
}
