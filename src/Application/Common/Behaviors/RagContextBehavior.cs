using System.Diagnostics;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Rag;
using MediatR;
using Microsoft.Extensions.Logging;

namespace FitCoach.Application.Common.Behaviors;

/// <summary>
/// Retrieves knowledge passages for <see cref="IRagAware"/> requests into the scoped <see cref="RagContext"/>:
/// the namespaces are searched in parallel, each timed, and merged by score (an in-process index that can merge
/// does it in one pass, still timing each namespace). A failing namespace is logged and
/// skipped so retrieval trouble degrades the answer rather than failing the request.
/// </summary>
public sealed class RagContextBehavior<TRequest, TResponse>(
    IKnowledgeSearch search,
    TopicNamespaceRouter router,
    RagContext context,
    IAppMetrics metrics,
    ILogger<RagContextBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IRagAware rag || string.IsNullOrWhiteSpace(rag.RagQuery))
        {
            return await next();
        }

        var namespaces = rag.RagNamespaces.Count > 0 ? rag.RagNamespaces : router.Choose(rag.RagQuery);
        if (search is IMergingKnowledgeSearch merging)
        {
            // In process: score every namespace, build passages only for the merged best.
            var provider = search.Provider;
            try
            {
                context.Set(namespaces, merging.SearchMerged(rag.RagQuery, namespaces, rag.RagTopK, (ns, elapsed) => metrics.RagRetrieval(ns, provider, elapsed)));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Knowledge search via {Provider} failed; continuing without passages", provider);
                context.Set(namespaces, []);
            }

            return await next();
        }

        var perNamespace = await Task.WhenAll(namespaces.Select(ns => SearchOneAsync(rag, ns, cancellationToken)));
        var merged = perNamespace
            .SelectMany(p => p)
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(rag.RagTopK);
        context.Set(namespaces, merged);
        return await next();
    }

    private async Task<IReadOnlyList<KnowledgePassage>> SearchOneAsync(IRagAware rag, string ns, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await search.SearchAsync(rag.RagQuery, ns, rag.RagTopK, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Knowledge search in {Namespace} via {Provider} failed; continuing without it", ns, search.Provider);
            return [];
        }
        finally
        {
            metrics.RagRetrieval(ns, search.Provider, Stopwatch.GetElapsedTime(started));
        }
    }
}
