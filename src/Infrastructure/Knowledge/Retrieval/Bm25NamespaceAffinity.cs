using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.Knowledge.Retrieval;

/// <summary>Namespace affinity from the embedded BM25 index: each namespace's best document score.</summary>
public sealed class Bm25NamespaceAffinity(EmbeddedKnowledgeIndex index) : INamespaceAffinity
{
    public IReadOnlyList<(string Namespace, double Score)> Rank(string question) => index.Index.NamespaceAffinity(question);
}
