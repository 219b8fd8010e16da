namespace FitCoach.Application.Common.Ports;

/// <summary>A retrieved knowledge passage, the contract's <c>Source</c>.</summary>
public sealed record KnowledgePassage(string Namespace, string Id, string Title, string Snippet, double Score);

public interface IKnowledgeSearch
{
    /// <summary>The provider name used in metrics and logs (e.g. <c>embedded</c>, <c>upstash</c>).</summary>
    string Provider { get; }

    /// <summary>Number of documents the index can search; zero means retrieval returns nothing.</summary>
    int DocumentCount { get; }

    Task<IReadOnlyList<KnowledgePassage>> SearchAsync(
        string query, string knowledgeNamespace, int topK, CancellationToken cancellationToken);
}
