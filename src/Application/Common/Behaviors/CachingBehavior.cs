using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using MediatR;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;

namespace FitCoach.Application.Common.Behaviors;

/// <summary>
/// Serves <see cref="ICacheable"/> queries from HybridCache (stampede-protected: one handler call per key at a
/// time). A cache failure degrades to calling the handler; a handler failure is never cached.
/// </summary>
public sealed class CachingBehavior<TRequest, TResponse>(
    HybridCache cache,
    IAppMetrics metrics,
    ILogger<CachingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly bool RequestIsQuery = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQuery<>));

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (!RequestIsQuery || request is not ICacheable cacheable)
        {
            return await next();
        }

        var factoryRan = false;
        try
        {
            var response = await cache.GetOrCreateAsync(
                cacheable.CacheKey,
                async _ =>
                {
                    factoryRan = true;
                    return await next();
                },
                new HybridCacheEntryOptions { Expiration = cacheable.CacheDuration, LocalCacheExpiration = cacheable.CacheDuration },
                cacheable.CacheTags,
                cancellationToken);

            if (factoryRan)
            {
                metrics.CacheMiss(cacheable.CacheName);
            }
            else
            {
                metrics.CacheHit(cacheable.CacheName);
            }

            return response;
        }
        catch (Exception ex) when (!factoryRan && ex is not OperationCanceledException)
        {
            metrics.CacheError(cacheable.CacheName);
            logger.LogWarning(ex, "Cache {Cache} failed; answering from the handler", cacheable.CacheName);
            return await next();
        }
    }
}
