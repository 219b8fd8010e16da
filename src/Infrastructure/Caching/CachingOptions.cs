namespace FitCoach.Infrastructure.Caching;

/// <summary>Configuration section <c>Caching</c>: the bound of the cache's in-process tier.</summary>
public sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>The largest value HybridCache serializes; the in-process bound must hold at least one of them.</summary>
    public const int MaximumPayloadBytes = 1 << 20;

    /// <summary>
    /// The most the in-process tier holds, counted in serialized bytes: HybridCache (Microsoft.Extensions.Caching.Hybrid
    /// 10.x) keeps its memory tier in the app's shared <c>IMemoryCache</c> and gives every entry the length of its
    /// serialized payload as its size. Past the bound a new entry is not kept (the caller still gets its value) and
    /// the cache compacts, dropping expired entries, then the least recently used, until it is 20 % below the bound.
    /// The objects in memory take a few times their serialized size.
    /// </summary>
    public long LocalSizeLimitBytes { get; set; } = 64L << 20;
}
