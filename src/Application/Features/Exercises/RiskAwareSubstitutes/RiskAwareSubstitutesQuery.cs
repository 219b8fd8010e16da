using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Rag;
using FitCoach.Application.Common.RateLimiting;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Application.Features.Exercises.Substitutes;
using FitCoach.Domain.Exercises;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Exercises.RiskAwareSubstitutes;

/// <summary>
/// <c>POST /api/exercises/substitutes/risk-aware {exerciseId, injuries, equipment?}</c>: substitutes that load none of
/// the injured regions (the injury map in <see cref="InjuryLoads"/>), what was left out and why, and passages from the
/// injury-prevention and exercise-substitution namespaces on training around the injury.
/// </summary>
public sealed record RiskAwareSubstitutesQuery(
    string UserId, string ExerciseId, IReadOnlyList<string> Injuries, IReadOnlyList<string>? Equipment, int Limit)
    : IQuery<RiskAwareSubstitutesResponse>, IRateLimited, IRagAware
{
    public const int DefaultLimit = 10;

    public string RateLimitGroup => RateLimitGroups.AiOther;

    /// <summary>The exercise (its id read as words: catalog ids are names with underscores) and the injured regions.</summary>
    public string RagQuery =>
        $"{ExerciseId.Replace('_', ' ')} alternative exercises with {string.Join(" and ", Injuries.Select(r => r.Replace('_', ' ')))} pain or injury";

    public IReadOnlyList<string> RagNamespaces { get; } = [KnowledgeNamespaces.InjuryPrevention, KnowledgeNamespaces.ExerciseSubstitution];

    public int RagTopK => 3;
}

/// <summary>An exercise left out because it loads an injured region.</summary>
public sealed record AvoidedExerciseDto(string ExerciseId, string Name, string Reason);

/// <param name="OriginalRisk">Why the exercise asked about is itself a risk for the injuries given; null when it is not.</param>
public sealed record RiskAwareSubstitutesResponse(
    ExerciseDto Exercise,
    IReadOnlyList<SubstituteDto> Substitutes,
    IReadOnlyList<AvoidedExerciseDto> Avoided,
    IReadOnlyList<SourceDto> Sources,
    string? OriginalRisk);

public sealed class RiskAwareSubstitutesQueryHandler(ExerciseLookup exercises, SubstitutionEngine engine, RagContext rag, IMapper mapper)
    : IRequestHandler<RiskAwareSubstitutesQuery, RiskAwareSubstitutesResponse>
{
    public async Task<RiskAwareSubstitutesResponse> Handle(RiskAwareSubstitutesQuery request, CancellationToken cancellationToken)
    {
        var original = await exercises.RequireAsync(request.UserId, request.ExerciseId, cancellationToken);
        var equipment = EquipmentList.Parse(request.Equipment);
        var injuries = request.Injuries.Distinct(StringComparer.Ordinal).ToList();
        var result = engine.Find(original, new SubstitutionFilters(equipment, injuries), request.Limit);
        return new RiskAwareSubstitutesResponse(
            mapper.Map<ExerciseDto>(original),
            mapper.Map<List<SubstituteDto>>(result.Substitutes),
            [.. result.Avoided.Select(a => new AvoidedExerciseDto(a.Exercise.Id, a.Exercise.Name, a.Reason))],
            mapper.Map<List<SourceDto>>(rag.Passages),
            SubstitutionEngine.FirstConflict(original, MovementPatterns.Of(original), injuries));
    }
}
