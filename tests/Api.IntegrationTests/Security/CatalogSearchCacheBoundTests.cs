using System.Diagnostics;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Application.Features.Exercises.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using FitCoach.Testing;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Security;

/// <summary>
/// A burst of distinct catalog searches (each a new key, as a scraper or a typo storm makes them) against the app's
/// own cache configuration: the in-process tier stays within <c>Caching:LocalSizeLimitBytes</c>, and searches still
/// hit the cache and answer correctly afterwards.
/// </summary>
public sealed class CatalogSearchCacheBoundTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const long Bound = 1 << 20;

    private const int Burst = 5_000;

    private static readonly string[] Words = ["curl", "squat", "press", "row", "deadlift", "lunge", "raise", "fly", "pulldown", "extension"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DistinctSearches_PastTheBound_KeepTheMemoryTierWithinIt_AndRepeatedSearchesStillHit()
    {
        using var api = new BoundedCacheApiFactory();
        var search = api.Services.GetRequiredService<CatalogSearch>();
        var memory = Assert.IsType<MemoryCache>(api.Services.GetRequiredService<IMemoryCache>());
        var queries = Enumerable.Range(0, Burst).Select(i => $"{Words[i % Words.Length]} {i}").ToList();
        var firstAnswer = await search.SearchAsync(queries[0], null, null, 20, Cancel);
        var largest = 0L;

        foreach (var query in queries.Skip(1))
        {
            await search.SearchAsync(query, null, null, 20, Cancel);
            largest = Math.Max(largest, memory.GetCurrentStatistics()!.CurrentEstimatedSize!.Value);
        }

        await WaitForCompactionAsync(memory);
        // Background compaction runs only when an entry did not fit, so the burst can end just under the bound with
        // none pending; an entry that then does not fit is not stored (the next search would miss, failing the
        // rewording check below by chance). Make room as the next overflow would, deterministically.
        memory.Compact(0.2);
        var first = await search.SearchAsync("barbell squat", null, null, 20, Cancel);
        var repeated = await search.SearchAsync("Barbell  Squats", null, null, 20, Cancel);
        var againAfterTheBurst = await search.SearchAsync(queries[0], null, null, 20, Cancel);

        Assert.Equal(Burst, queries.Select(q => ExerciseMatcher.NormalizeKey(q)).Distinct(StringComparer.Ordinal).Count());
        Assert.InRange(largest, Bound / 2, Bound);
        Assert.InRange(memory.Count, 1, Burst / 10);
        Assert.Same(first, repeated); // one cached result, rewording and all
        Assert.Equal("Barbell_Squat", first[0].Exercise.Id);
        Assert.NotSame(firstAnswer, againAfterTheBurst); // evicted long ago: ranked again, to the same answer
        Assert.Equal(firstAnswer.Select(e => (e.Exercise.Id, e.Score)), againAfterTheBurst.Select(e => (e.Exercise.Id, e.Score)));
    }

    [Fact]
    public void SharedMemoryCache_IsInjectedIntoNoRegisteredService()
    {
        // With a size limit, an entry without a size throws. HybridCache resolves the cache from the provider and sizes
        // every entry; a service taking it in its constructor might not, so none may.
        using var api = new BoundedCacheApiFactory();
        Assert.IsType<MemoryCache>(api.Services.GetRequiredService<IMemoryCache>());

        var takers = api.Registrations
            .Select(d => d.ImplementationType)
            .OfType<Type>()
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IMemoryCache))))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(takers);
    }

    [Fact]
    public async Task SearchResult_LeavesThisInstancesMemoryAfterTheLocalTtl_WhileRedisKeepsItForTheFullTtl()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var api = new BoundedCacheApiFactory(redis.ConnectionString, time);
        var search = api.Services.GetRequiredService<CatalogSearch>();
        var memory = api.Services.GetRequiredService<IMemoryCache>();
        var db = api.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var key = CatalogSearch.Key("hammer curl", null, null, 20);
        // The app connects to Redis in the background; a write made before the connection is up is dropped (the cache
        // tier treats an outage as a miss).
        await db.PingAsync();

        var first = await search.SearchAsync("hammer curl", null, null, 20, Cancel);
        var heldAtFirst = memory.TryGetValue(key, out _);
        // HybridCache writes the Redis copy in the background after answering the caller: wait for it to land.
        var ttl = await RedisTtlOnceWrittenAsync(db, "fitcoach:cache:" + key);
        time.Advance(CatalogSearch.LocalTtl + TimeSpan.FromSeconds(1));
        var heldAfterLocalTtl = memory.TryGetValue(key, out _);
        var fromRedis = await search.SearchAsync("hammer curl", null, null, 20, Cancel);

        Assert.True(heldAtFirst);
        Assert.False(heldAfterLocalTtl);
        Assert.InRange(ttl, CatalogSearch.Ttl - TimeSpan.FromMinutes(2), CatalogSearch.Ttl);
        Assert.NotSame(first, fromRedis);
        Assert.Equal(first.Select(e => e.Exercise.Id), fromRedis.Select(e => e.Exercise.Id));
    }

    private static async Task<TimeSpan> RedisTtlOnceWrittenAsync(IDatabase db, string key)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var ttl = await db.KeyTimeToLiveAsync(key);
            if (ttl is not null || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                return ttl ?? TimeSpan.Zero;
            }

            await Task.Delay(20, Cancel);
        }
    }

    private static async Task WaitForCompactionAsync(MemoryCache memory)
    {
        // Compaction runs in the background once an entry did not fit: let one that is under way finish (none may be
        // pending, so do not wait long for the size to fall).
        var waited = Stopwatch.StartNew();
        while (memory.GetCurrentStatistics()!.CurrentEstimatedSize > Bound * 9 / 10 && waited.Elapsed < TimeSpan.FromSeconds(2))
        {
            await Task.Delay(50, Cancel);
        }
    }

    /// <summary>The app with a 1 MiB memory tier; optionally on Redis and on a clock the test moves.</summary>
    private sealed class BoundedCacheApiFactory(string? redis = null, TimeProvider? time = null) : ConfiguredApiFactory(new Dictionary<string, string?>
    {
        ["Caching:LocalSizeLimitBytes"] = Bound.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Redis:ConnectionString"] = redis,
    })
    {
        public IReadOnlyList<ServiceDescriptor> Registrations { get; private set; } = [];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.Configure<MemoryCacheOptions>(options => options.TrackStatistics = true);
                if (time is not null)
                {
                    services.AddSingleton(time);
                }

                Registrations = [.. services];
            });
        }
    }
}
