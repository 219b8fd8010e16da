using FitCoach.Application.Common.Ports;

namespace FitCoach.Application.Common.Rag;

/// <summary>Passages retrieved for the current request (scoped); empty when nothing was retrieved.</summary>
public sealed class RagContext
{
    private readonly List<KnowledgePassage> _passages = [];
    private readonly List<string> _namespaces = [];

    public IReadOnlyList<KnowledgePassage> Passages => _passages;

    public IReadOnlyList<string> SearchedNamespaces => _namespaces;

    public bool Retrieved { get; private set; }

    public void Set(IEnumerable<string> namespaces, IEnumerable<KnowledgePassage> passages)
    {
        _namespaces.Clear();
        _namespaces.AddRange(namespaces);
        _passages.Clear();
        _passages.AddRange(passages);
        Retrieved = true;
    }
}
