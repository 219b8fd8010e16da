using FitCoach.Application.Common.Ports;
using Microsoft.Extensions.Logging;

namespace FitCoach.Application.Common.Rag;

/// <summary>Passages retrieved for a query and the namespaces that were searched for them.</summary>
public sealed record RetrievedKnowledge(IReadOnlyList<string> Namespaces, IReadOnlyList<KnowledgePassage> Passages);

/// <summary>
/// Retrieval shared by every use case that grounds an answer (the RAG behavior, the coach): the given namespaces, or
/// the ones the topic router picks, searched through <see cref="IKnowledgeSearch.SearchManyAsync"/> with each
/// namespace's time recorded. Retrieval trouble degrades the answer (fewer or no passages), never fails the request.
/// </summary>
public sealed partial class KnowledgeRetriever(IKnowledgeSearch search, TopicNamespaceRouter router, IAppMetrics metrics, ILogger<KnowledgeRetriever> logger)
{
    public async Task<RetrievedKnowledge> RetrieveAsync(string query, IReadOnlyList<string> namespaces, int topK, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(namespaces);
        if (string.IsNullOrWhiteSpace(query))
        {
            return new RetrievedKnowledge(namespaces, []);
        }

        var chosen = namespaces.Count > 0 ? namespaces : router.Choose(query);
        var provider = search.Provider;
        try
        {
            var passages = await search.SearchManyAsync(query, chosen, topK, (ns, elapsed, error) =>
            {
                metrics.RagRetrieval(ns, provider, elapsed);
                if (error is not null)
                {
                    NamespaceFailed(error, ns, provider);
                }
            }, cancellationToken);
            return new RetrievedKnowledge(chosen, passages);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SearchFailed(ex, provider);
            return new RetrievedKnowledge(chosen, []);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge search in {Namespace} via {Provider} failed; continuing without it")]
    private partial void NamespaceFailed(Exception exception, string @namespace, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge search via {Provider} failed; continuing without passages")]
    private partial void SearchFailed(Exception exception, string provider);
}
