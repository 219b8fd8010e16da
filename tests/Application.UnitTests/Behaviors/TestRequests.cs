using FitCoach.Application.Common.Messaging;

namespace FitCoach.Application.UnitTests.Behaviors;

public sealed record PlainCommand(string Value) : ICommand<string>;

public sealed record LimitedCommand(string Value) : ICommand<string>, IRateLimited
{
    public string RateLimitGroup => "ai-other";
}

public sealed record CachedQuery(string Key) : IQuery<CachedAnswer>, ICacheable
{
    public string CacheName => "test";

    public string CacheKey => $"test:{Key}";

    public TimeSpan CacheDuration => TimeSpan.FromMinutes(1);

    public IReadOnlyCollection<string> CacheTags => ["tag:test"];
}

/// <summary>A command that claims to be cacheable: commands must still never be served from a cache.</summary>
public sealed record CacheableCommand(string Key) : ICommand<CachedAnswer>, ICacheable
{
    public string CacheName => "test";

    public string CacheKey => $"cmd:{Key}";

    public TimeSpan CacheDuration => TimeSpan.FromMinutes(1);

    public IReadOnlyCollection<string> CacheTags => [];
}

public sealed record CachedAnswer(int Calls);

public sealed record RagTestQuery(string Question, IReadOnlyList<string> Namespaces, int TopK = 3) : IQuery<string>, IRagAware
{
    public string RagQuery => Question;

    public IReadOnlyList<string> RagNamespaces => Namespaces;

    public int RagTopK => TopK;
}
