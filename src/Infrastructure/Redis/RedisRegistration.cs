using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FitCoach.Infrastructure.Redis;

public static class RedisRegistration
{
    /// <summary>
    /// Registers the rate limiter, session store, leaderboard and custom-exercise store: the in-process ones when
    /// <paramref name="redisConnectionString"/> is null or empty, else the Redis ones over one shared
    /// <see cref="IConnectionMultiplexer"/>. Time comes from the registered <see cref="TimeProvider"/>
    /// (the system's unless the host registered another). <see cref="RedisRateLimiter"/> needs an <see cref="IAppMetrics"/> from the host.
    /// </summary>
    public static IServiceCollection AddFitCoachStores(this IServiceCollection services, string? redisConnectionString)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);

        if (string.IsNullOrWhiteSpace(redisConnectionString))
        {
            services.AddSingleton<IRateLimiter>(provider => new InMemoryRateLimiter(provider.GetRequiredService<TimeProvider>()));
            services.AddSingleton<ISessionStore>(provider => new InMemorySessionStore(timeProvider: provider.GetRequiredService<TimeProvider>()));
            services.AddSingleton<ILeaderboard>(provider => new InMemoryLeaderboard(provider.GetRequiredService<TimeProvider>()));
            services.AddSingleton<ICustomExerciseStore, InMemoryCustomExerciseStore>();
            services.AddSingleton<IWorkoutStore, InMemoryWorkoutStore>();
            services.AddSingleton<IProfileStore, InMemoryProfileStore>();
            services.AddSingleton<IIdempotencyStore>(provider => new InMemoryIdempotencyStore(provider.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IConversationStore, InMemoryConversationStore>();
            return services;
        }

        var configuration = CreateConfiguration(redisConnectionString);
        services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(configuration));
        services.AddSingleton<IRateLimiter>(sp => new RedisRateLimiter(
            sp.GetRequiredService<IConnectionMultiplexer>(),
            sp.GetRequiredService<IAppMetrics>(),
            sp.GetRequiredService<ILogger<RedisRateLimiter>>()));
        services.AddSingleton<ISessionStore>(sp => new RedisSessionStore(sp.GetRequiredService<IConnectionMultiplexer>()));
        services.AddSingleton<ILeaderboard>(sp => new RedisLeaderboard(sp.GetRequiredService<IConnectionMultiplexer>()));
        services.AddSingleton<ICustomExerciseStore>(
            sp => new RedisCustomExerciseStore(sp.GetRequiredService<IConnectionMultiplexer>()));
        services.AddSingleton<IWorkoutStore>(sp => new RedisWorkoutStore(sp.GetRequiredService<IConnectionMultiplexer>()));
        services.AddSingleton<IProfileStore>(sp => new RedisProfileStore(sp.GetRequiredService<IConnectionMultiplexer>()));
        services.AddSingleton<IIdempotencyStore>(sp => new RedisIdempotencyStore(sp.GetRequiredService<IConnectionMultiplexer>()));
        services.AddSingleton<IConversationStore>(sp => new RedisConversationStore(sp.GetRequiredService<IConnectionMultiplexer>()));
        return services;
    }

    /// <summary>
    /// The connection settings the app uses: the given StackExchange.Redis connection string (e.g.
    /// <c>host:6379,password=…,ssl=True</c>) with the resilience settings below imposed on it.
    /// </summary>
    /// <remarks>
    /// <c>AbortOnConnectFail = false</c> lets <c>Connect</c> return at once when Redis is down, so the app starts,
    /// and the multiplexer then reconnects by itself, also after a Redis restart. Timeouts of 1–2 s make an outage
    /// fail fast instead of holding requests; the rate limiter then answers in-process. The client checks timeouts on
    /// its 1 s heartbeat, so a call to a hung server fails after 1 to 2 s.
    /// </remarks>
    public static ConfigurationOptions CreateConfiguration(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 1000;
        options.AsyncTimeout = 1000;
        options.ConnectRetry = 1;
        options.ReconnectRetryPolicy = new ExponentialRetry(deltaBackOffMilliseconds: 250, maxDeltaBackOffMilliseconds: 5000);
        options.ClientName ??= "fitcoach";
        return options;
    }
}
