using System.Globalization;
using System.Text;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Rag;
using FitCoach.Application.Common.RateLimiting;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Domain.Exercises;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Exercises.ExplainSubstitute;

/// <summary>
/// <c>POST /api/exercises/substitutes/explain {exerciseId, substituteId}</c>: why one exercise can (or cannot) stand in
/// for another (pattern, muscles, equipment, difficulty: the substitution engine's comparison), with guidance from the
/// exercise-substitution and technique namespaces (how to pick the new load, form points), cited.
/// </summary>
public sealed record ExplainSubstituteQuery(string UserId, string ExerciseId, string SubstituteId)
    : IQuery<ExplainSubstituteResponse>, IRateLimited, IRagAware
{
    public string RateLimitGroup => RateLimitGroups.AiOther;

    /// <summary>The two exercises (catalog ids are names with underscores) and the question of swapping one for the other.</summary>
    public string RagQuery => $"swap {ExerciseId.Replace('_', ' ')} for {SubstituteId.Replace('_', ' ')}: choosing the weight and technique";

    public IReadOnlyList<string> RagNamespaces { get; } =
        [KnowledgeNamespaces.ExerciseSubstitution, KnowledgeNamespaces.Exercises, KnowledgeNamespaces.SquatTechnique];

    public int RagTopK => 4;
}

/// <param name="Similarity">0–1, the same measure the substitutes routes rank by.</param>
/// <param name="KeepsMainMuscle">Whether the substitute works the exercise's main muscle as one of its own main muscles.</param>
public sealed record ExplainSubstituteResponse(string Explanation, IReadOnlyList<SourceDto> Sources, double Similarity, bool KeepsMainMuscle);

public sealed class ExplainSubstituteQueryHandler(ExerciseLookup exercises, RagContext rag, IMapper mapper)
    : IRequestHandler<ExplainSubstituteQuery, ExplainSubstituteResponse>
{
    public async Task<ExplainSubstituteResponse> Handle(ExplainSubstituteQuery request, CancellationToken cancellationToken)
    {
        var original = await exercises.RequireAsync(request.UserId, request.ExerciseId, cancellationToken);
        var substitute = await exercises.RequireAsync(request.UserId, request.SubstituteId, cancellationToken);
        var (match, keeps) = SubstitutionEngine.Compare(original, substitute);
        var passages = rag.Passages;

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{substitute.Name} for {original.Name} (similarity {match.Similarity:0.00}): {match.Reason}");
        if (keeps)
        {
            var lost = original.SecondaryMuscles.Where(m => !substitute.PrimaryMuscles.Contains(m) && !substitute.SecondaryMuscles.Contains(m)).ToList();
            if (lost.Count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" It works the {string.Join(" and ", lost)} less than {original.Name} does, so add direct work for them if they matter to you.");
            }

            if (!string.Equals(original.Equipment, substitute.Equipment, StringComparison.Ordinal))
            {
                text.Append(" The load will not carry over one for one between different equipment: start light, and find the new working weight over the first sessions by reps in reserve.");
            }
        }

        if (passages.Count > 0)
        {
            text.Append("\n\nFrom the knowledge base:");
            for (var i = 0; i < passages.Count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n- {passages[i].Snippet} [{i + 1}]");
            }
        }

        return new ExplainSubstituteResponse(text.ToString(), mapper.Map<List<SourceDto>>(passages), match.Similarity, keeps);
    }
}
