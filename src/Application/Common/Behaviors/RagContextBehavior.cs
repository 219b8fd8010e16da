using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Rag;
using MediatR;

namespace FitCoach.Application.Common.Behaviors;

/// <summary>
/// Retrieves knowledge passages for <see cref="IRagAware"/> requests into the scoped <see cref="RagContext"/>
/// through the shared <see cref="KnowledgeRetriever"/> (the same retrieval the coach injects directly).
/// </summary>
public sealed class RagContextBehavior<TRequest, TResponse>(KnowledgeRetriever retriever, RagContext context)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IRagAware rag || string.IsNullOrWhiteSpace(rag.RagQuery))
        {
            return await next();
        }

        var retrieved = await retriever.RetrieveAsync(rag.RagQuery, rag.RagNamespaces, rag.RagTopK, cancellationToken);
        context.Set(retrieved.Namespaces, retrieved.Passages);
        return await next();
    }
}
