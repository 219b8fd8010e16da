using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Time;
using FitCoach.Infrastructure.Caching;
using FitCoach.Infrastructure.Catalog;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.Health;
using FitCoach.Infrastructure.Knowledge;
using FitCoach.Infrastructure.Knowledge.Hybrid;
using FitCoach.Infrastructure.Model;
using FitCoach.Infrastructure.Observability;
using FitCoach.Infrastructure.Redis;
using FitCoach.Infrastructure.Resilience;
using FitCoach.Infrastructure.SemanticLabels;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FitCoach.Infrastructure;

public static class DependencyInjection
{
    public const string RedisConnectionStringKey = "Redis:ConnectionString";

    /// <summary>
    /// Chooses the adapters from configuration, once: with <c>Redis:ConnectionString</c> the stores, rate limiter,
    /// leaderboards and the cache's second tier use Redis; without it everything runs in-process.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration[RedisConnectionStringKey];
        var useRedis = !string.IsNullOrWhiteSpace(redis);

        services.AddSingleton<IAppMetrics, PrometheusAppMetrics>();
        services.AddSingleton<IExerciseCatalog>(_ => JsonExerciseCatalog.LoadEmbedded());
        services.AddKnowledge(configuration);
        services.AddSemanticLabels(configuration);
        services.TryAddSingleton<ITextEmbedder, NoTextEmbedder>();
        services.TryAddSingleton<IExerciseNameVectors, NoExerciseNameVectors>();
        services.AddFitCoachStores(redis);
        services.AddWorkoutTranscriptModel(configuration);

        if (useRedis)
        {
            services.Decorate<ICustomExerciseStore, OutageTranslatingCustomExerciseStore>();
            services.AddSingleton<IDistributedCache>(provider => new ResilientDistributedCache(
                new RedisCache(Options.Create(new RedisCacheOptions
                {
                    InstanceName = "fitcoach:cache:",
                    ConnectionMultiplexerFactory = () => Task.FromResult(provider.GetRequiredService<IConnectionMultiplexer>()),
                })),
                provider.GetRequiredService<IAppMetrics>(),
                provider.GetRequiredService<ILogger<ResilientDistributedCache>>()));
        }

        services.AddBoundedLocalCache();
        services.AddHybridCache(options =>
        {
            options.MaximumPayloadBytes = CachingOptions.MaximumPayloadBytes;
            options.DefaultEntryOptions = new() { Expiration = TimeSpan.FromMinutes(5), LocalCacheExpiration = TimeSpan.FromMinutes(5) };
        });

        services.AddHealthChecks()
            .AddCheck<RedisHealthCheck>("redis")
            .AddCheck<KnowledgeHealthCheck>("knowledge")
            .AddCheck<ModelHealthCheck>("model")
            .AddCheck<EmbeddingsHealthCheck>("embeddings");
        return services;
    }

    /// <summary>
    /// The app's shared <see cref="IMemoryCache"/>, which HybridCache takes as its memory tier, with a size limit
    /// (<see cref="CachingOptions.LocalSizeLimitBytes"/>), so however many distinct keys arrive (long-tail searches,
    /// say) the memory tier stays within it. With a size limit every entry must carry a size: HybridCache gives each
    /// its serialized length, and nothing else in the app writes to this cache (the app's own memos keep caches of
    /// their own); a test checks that no registered service takes it. Entries expire on the app's
    /// <see cref="TimeProvider"/>, like everything else.
    /// </summary>
    private static IServiceCollection AddBoundedLocalCache(this IServiceCollection services)
    {
        services.AddOptions<CachingOptions>()
            .BindConfiguration(CachingOptions.Section)
            .Validate(o => o.LocalSizeLimitBytes >= CachingOptions.MaximumPayloadBytes, "Caching:LocalSizeLimitBytes must be at least 1048576 (one cache entry of the largest size).")
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddOptions<MemoryCacheOptions>().Configure<IOptions<CachingOptions>, TimeProvider>((memory, caching, time) =>
        {
            memory.SizeLimit = caching.Value.LocalSizeLimitBytes;
            memory.CompactionPercentage = 0.2;
            memory.Clock = new TimeProviderClock(time);
        });
        return services;
    }
}
