using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Redis;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Redis;

public sealed class RedisRegistrationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task AddFitCoachStores_WithoutAConnectionString_RegistersTheInProcessStores(string? connectionString)
    {
        await using var provider = new ServiceCollection().AddFitCoachStores(connectionString).BuildServiceProvider();

        Assert.IsType<InMemoryRateLimiter>(provider.GetRequiredService<IRateLimiter>());
        Assert.IsType<InMemorySessionStore>(provider.GetRequiredService<ISessionStore>());
        Assert.IsType<InMemoryLeaderboard>(provider.GetRequiredService<ILeaderboard>());
        Assert.IsType<InMemoryCustomExerciseStore>(provider.GetRequiredService<ICustomExerciseStore>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Null(provider.GetService<IConnectionMultiplexer>());
        Assert.Same(provider.GetRequiredService<IRateLimiter>(), provider.GetRequiredService<IRateLimiter>());
    }

    [Fact]
    public async Task AddFitCoachStores_InProcess_RunsOnTheTimeProviderTheHostRegistered()
    {
        var clock = new ManualTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);

        await using var provider = services.AddFitCoachStores(null).BuildServiceProvider();
        var sessions = provider.GetRequiredService<ISessionStore>();
        var started = await sessions.StartAsync("u1", null, clock.GetUtcNow(), TestContext.Current.CancellationToken);
        clock.Advance(Domain.Workouts.WorkoutSession.ActiveLifetime + TimeSpan.FromMinutes(1));

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.Null(await sessions.GetAsync("u1", started.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AddFitCoachStores_WhenRedisIsUnreachable_ConnectsWithinTheConnectTimeoutAndRateLimitsInProcess()
    {
        var metrics = new RecordingMetrics();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IAppMetrics>(metrics)
            .AddFitCoachStores($"127.0.0.1:{UnusedLoopbackPort()}");
        await using var provider = services.BuildServiceProvider();

        var startup = Stopwatch.StartNew();
        var limiter = provider.GetRequiredService<IRateLimiter>();
        startup.Stop();
        var decision = await limiter.CheckAsync("user", new RateLimitPolicy("chat", 1, TimeSpan.FromMinutes(1)), Cancel);

        Assert.IsType<RedisRateLimiter>(limiter);
        Assert.IsType<RedisSessionStore>(provider.GetRequiredService<ISessionStore>());
        Assert.IsType<RedisLeaderboard>(provider.GetRequiredService<ILeaderboard>());
        Assert.IsType<RedisCustomExerciseStore>(provider.GetRequiredService<ICustomExerciseStore>());
        Assert.False(provider.GetRequiredService<IConnectionMultiplexer>().IsConnected);
        // Connect does not throw and waits at most the connect timeout: usually a few milliseconds when the port
        // refuses, the whole timeout when the thread pool is too busy to notice the refusal sooner.
        var connectTimeout = TimeSpan.FromMilliseconds(RedisRegistration.CreateConfiguration("localhost").ConnectTimeout);
        Assert.InRange(startup.Elapsed, TimeSpan.Zero, connectTimeout + TimeSpan.FromSeconds(1));
        Assert.True(decision.Allowed);
        Assert.Equal(["disconnected"], metrics.Fallbacks);
    }

    [Fact]
    public void CreateConfiguration_KeepsTheConnectionStringAndImposesFailFastSettings()
    {
        var options = RedisRegistration.CreateConfiguration("cache.example:6380,password=secret,ssl=True,abortConnect=True");

        var endpoint = Assert.IsType<DnsEndPoint>(Assert.Single(options.EndPoints));
        Assert.Equal(("cache.example", 6380), (endpoint.Host, endpoint.Port));
        Assert.Equal("secret", options.Password);
        Assert.True(options.Ssl);
        Assert.False(options.AbortOnConnectFail);
        Assert.InRange(options.ConnectTimeout, 1000, 2000);
        Assert.InRange(options.SyncTimeout, 1000, 2000);
        Assert.InRange(options.AsyncTimeout, 1000, 2000);
    }

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
