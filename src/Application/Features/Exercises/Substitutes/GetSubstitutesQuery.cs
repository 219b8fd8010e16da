using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.RateLimiting;
using FitCoach.Domain.Exercises;
using Mapster;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Exercises.Substitutes;

/// <summary>
/// <c>GET /api/exercises/substitutes?exerciseId=&amp;equipment=&amp;limit=</c>: catalog exercises that can stand in for
/// one (a catalog exercise or one of the caller's own), optionally only with the listed equipment (comma-separated,
/// the contract vocabulary; bodyweight must be listed to be allowed), best first, each with its similarity and reason.
/// </summary>
public sealed record GetSubstitutesQuery(string UserId, string ExerciseId, string? Equipment, int Limit) : IQuery<SubstitutesResponse>, IRateLimited
{
    /// <summary>A catalog read, counted with <c>GET /api/exercises</c>.</summary>
    public string RateLimitGroup => RateLimitGroups.Catalog;

    public const int DefaultLimit = 10;
    public const int MaxLimit = SubstitutionEngine.MaxLimit;

    /// <summary>The equipment list in the contract vocabulary (null when none was given); unknown words are dropped (the validator rejects them first).</summary>
    public IReadOnlyCollection<string>? AllowedEquipment => EquipmentList.Parse(Equipment);
}

/// <summary>One substitute: the exercise, how similar it is (0–1) and why it fits.</summary>
public sealed record SubstituteDto(ExerciseDto Exercise, double Similarity, string Reason);

/// <summary>The contract's <c>{exercise, substitutes}</c>.</summary>
public sealed record SubstitutesResponse(ExerciseDto Exercise, IReadOnlyList<SubstituteDto> Substitutes);

/// <summary>Reads a comma-separated equipment list in the contract vocabulary (or its everyday words: "db", "bands").</summary>
public static class EquipmentList
{
    public static IReadOnlyCollection<string>? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Parse(Words(value));
    }

    /// <summary>A list of equipment words (a JSON array in a body); null when none was given.</summary>
    public static IReadOnlyCollection<string>? Parse(IEnumerable<string>? words) =>
        words is null ? null : words.Select(EquipmentVocabulary.Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>The words that are not equipment the vocabulary knows.</summary>
    public static IEnumerable<string> Unknown(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : Words(value).Where(w => EquipmentVocabulary.Normalize(w) is null);

    private static string[] Words(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class GetSubstitutesQueryHandler(ExerciseLookup exercises, SubstitutionEngine engine, IMapper mapper)
    : IRequestHandler<GetSubstitutesQuery, SubstitutesResponse>
{
    public async Task<SubstitutesResponse> Handle(GetSubstitutesQuery request, CancellationToken cancellationToken)
    {
        var original = await exercises.RequireAsync(request.UserId, request.ExerciseId, cancellationToken);
        var result = engine.Find(original, new SubstitutionFilters(request.AllowedEquipment, []), request.Limit);
        return new SubstitutesResponse(mapper.Map<ExerciseDto>(original), mapper.Map<List<SubstituteDto>>(result.Substitutes));
    }
}

/// <summary>The engine's substitute as the contract's <c>{exercise, similarity, reason}</c>.</summary>
public sealed class SubstituteMappings : IRegister
{
    public void Register(TypeAdapterConfig config) => config.NewConfig<SubstituteExercise, SubstituteDto>();
}
