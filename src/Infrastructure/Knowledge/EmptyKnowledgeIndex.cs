using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.Knowledge;

/// <summary>
/// The knowledge port before a corpus is indexed: it finds nothing and says so (<see cref="DocumentCount"/> is 0,
/// which /health reports), so RAG-aware features answer without passages rather than with invented ones.
/// </summary>
public sealed class EmptyKnowledgeIndex : IKnowledgeSearch
{
    public string Provider => "none";

    public int DocumentCount => 0;

    public Task<IReadOnlyList<KnowledgePassage>> SearchAsync(
        string query, string knowledgeNamespace, int topK, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<KnowledgePassage>>([]);
}
