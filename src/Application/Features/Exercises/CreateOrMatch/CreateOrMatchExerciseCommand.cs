using System.Globalization;
using System.Text;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.RateLimiting;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Domain.Exercises;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Exercises.CreateOrMatch;

/// <summary>
/// <c>POST /api/exercises/create-or-match</c>: resolves what a user typed or said to a catalog exercise by its words,
/// else to one of their own, else to a catalog exercise by meaning (when an embedding model is ready and the match is
/// clearly right), else creates a custom exercise owned by them.
/// </summary>
public sealed record CreateOrMatchExerciseCommand(
    string UserId,
    string Name,
    string? Equipment,
    IReadOnlyList<string>? PrimaryMuscles)
    : ICommand<CreateOrMatchExerciseResponse>, IRateLimited
{
    public string RateLimitGroup => RateLimitGroups.AiOther;
}

/// <summary>
/// <see cref="Score"/> is the best match's score in [0, 1]; for a match by meaning, the cosine similarity of the two
/// names; for a created exercise, the best catalog candidate's word score. <see cref="MatchedBy"/> says how a match was
/// found: <c>name</c> (its words) or <c>meaning</c> (the catalog name nearest in meaning); null (left out of the JSON) when created.
/// </summary>
public sealed record CreateOrMatchExerciseResponse(ExerciseDto Exercise, bool Matched, bool Created, double Score, string? MatchedBy)
{
    public const string ByName = "name";
    public const string ByMeaning = "meaning";
}

public sealed class CreateOrMatchExerciseCommandHandler(
    IExerciseCatalog catalog,
    ExerciseMatchCache matchCache,
    ICustomExerciseStore customStore,
    CustomExerciseMatchers customMatchers,
    ExerciseMeaningMatcher meaningMatcher,
    IMapper mapper)
    : IRequestHandler<CreateOrMatchExerciseCommand, CreateOrMatchExerciseResponse>
{
    /// <summary>Custom exercises one user may own: each is matched on every search and create-or-match of theirs.</summary>
    public const int MaxCustomExercises = 500;

    public async Task<CreateOrMatchExerciseResponse> Handle(CreateOrMatchExerciseCommand request, CancellationToken cancellationToken)
    {
        var equipment = EquipmentVocabulary.Normalize(request.Equipment);
        var catalogMatch = await matchCache.MatchAsync(request.Name, equipment, cancellationToken);
        if (catalogMatch.ExerciseId is not null)
        {
            var exercise = catalog.Find(catalogMatch.ExerciseId);
            if (exercise is null)
            {
                // A cached id the shipped catalog no longer has (a newer release): match afresh.
                catalogMatch = matchCache.Compute(request.Name, equipment);
                exercise = catalogMatch.ExerciseId is null ? null : catalog.Find(catalogMatch.ExerciseId);
            }

            if (exercise is not null)
            {
                return new CreateOrMatchExerciseResponse(mapper.Map<ExerciseDto>(exercise), Matched: true, Created: false, catalogMatch.Score, CreateOrMatchExerciseResponse.ByName);
            }
        }

        var customs = await customStore.ListAsync(request.UserId, cancellationToken);
        if (customs.Count > 0)
        {
            var own = customMatchers.For(request.UserId, customs).BestMatch(request.Name, equipment);
            if (own is not null)
            {
                return new CreateOrMatchExerciseResponse(mapper.Map<ExerciseDto>(own.Exercise), Matched: true, Created: false, own.Score, CreateOrMatchExerciseResponse.ByName);
            }
        }

        // Only now, when words failed: embedding the name costs a model call (about 8 ms locally).
        var byMeaning = await meaningMatcher.MatchAsync(request.Name, equipment, cancellationToken);
        if (byMeaning is not null)
        {
            return new CreateOrMatchExerciseResponse(mapper.Map<ExerciseDto>(byMeaning.Exercise), Matched: true, Created: false, byMeaning.Score, CreateOrMatchExerciseResponse.ByMeaning);
        }

        if (customs.Count >= MaxCustomExercises)
        {
            throw new ConflictException(
                $"You have {customs.Count} custom exercises, the most one account holds; use one of them or a catalog exercise.");
        }

        var created = NewCustomExercise(request, equipment);
        await customStore.SaveAsync(request.UserId, created, cancellationToken);
        customMatchers.Invalidate(request.UserId);
        return new CreateOrMatchExerciseResponse(mapper.Map<ExerciseDto>(created), Matched: false, Created: true, catalogMatch.Score, MatchedBy: null);
    }

    private static Exercise NewCustomExercise(CreateOrMatchExerciseCommand request, string? equipment)
    {
        var name = DisplayName(request.Name);
        var muscles = (request.PrimaryMuscles ?? [])
            .Select(MuscleVocabulary.Normalize)
            .OfType<string>()
            .Distinct()
            .ToArray();
        return new Exercise(
            CustomId(name),
            name,
            equipment ?? InferEquipment(name) ?? EquipmentVocabulary.Other,
            muscles,
            [],
            "strength",
            "beginner",
            Force: null,
            Mechanic: null)
        {
            OwnerId = request.UserId,
        };
    }

    /// <summary>Collapses white space; an all-lower-case name is title-cased ("zercher good morning" → "Zercher Good Morning").</summary>
    internal static string DisplayName(string raw)
    {
        var collapsed = string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Any(char.IsUpper) ? collapsed : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(collapsed);
    }

    /// <summary>A stable id from the name, so creating the same exercise twice (even concurrently) stores one.</summary>
    internal static string CustomId(string name)
    {
        var id = new StringBuilder("Custom");
        foreach (var word in name.Split([' ', '-', '/', '_', '.', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string([.. word.Where(char.IsAsciiLetterOrDigit)]);
            if (letters.Length == 0)
            {
                continue;
            }

            id.Append('_').Append(char.ToUpperInvariant(letters[0])).Append(letters.AsSpan(1).ToString().ToLowerInvariant());
        }

        return id.Length > 80 ? id.ToString(0, 80) : id.ToString();
    }

    private static string? InferEquipment(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(EquipmentVocabulary.Normalize)
            .FirstOrDefault(e => e is not null);
}
