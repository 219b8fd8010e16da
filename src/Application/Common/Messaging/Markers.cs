using MediatR;

namespace FitCoach.Application.Common.Messaging;

/// <summary>A request that changes state. Never cached.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>A request that only reads. May be cached when it also implements <see cref="ICacheable"/>.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;

/// <summary>A request counted against the caller's tier limit for <see cref="RateLimitGroup"/>.</summary>
public interface IRateLimited
{
    string RateLimitGroup { get; }
}

/// <summary>A query whose response can be served from the cache.</summary>
public interface ICacheable
{
    /// <summary>The cache's name in metrics (e.g. <c>exercise-match</c>).</summary>
    string CacheName { get; }

    string CacheKey { get; }

    TimeSpan CacheDuration { get; }

    /// <summary>Tags that invalidate the entry together (e.g. <c>user:42</c>).</summary>
    IReadOnlyCollection<string> CacheTags { get; }
}

/// <summary>
/// A request that wants knowledge passages in <see cref="Rag.RagContext"/> before its handler runs.
/// </summary>
public interface IRagAware
{
    string RagQuery { get; }

    /// <summary>The namespaces to search; empty means the behavior's topic router chooses.</summary>
    IReadOnlyList<string> RagNamespaces { get; }

    int RagTopK { get; }
}
