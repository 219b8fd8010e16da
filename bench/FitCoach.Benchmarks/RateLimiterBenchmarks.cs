using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.InMemory;
using FitCoach.Infrastructure.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace FitCoach.Benchmarks;

/// <summary>
/// The cost of one rate-limit check against a plain Redis round trip (PING, the baseline) and against the in-process
/// limiter. Starts its own <c>redis-server</c> (which must be on PATH) on a free loopback port. The checks spread over
/// many keys under a high limit, so each one takes the common path: the request is admitted and logged.
/// </summary>
[MemoryDiagnoser]
public class RateLimiterBenchmarks
{
    private const int KeyCount = 10_000;

    private static readonly RateLimitPolicy Policy = new("bench", 1_000_000, TimeSpan.FromSeconds(1));

    private readonly string[] _keys = [.. Enumerable.Range(0, KeyCount).Select(i => $"bench-user-{i}")];
    private Process? _server;
    private ConnectionMultiplexer? _connection;
    private IDatabase? _database;
    private RedisRateLimiter? _redisLimiter;
    private InMemoryRateLimiter? _inMemoryLimiter;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var port = FreeLoopbackPort();
        var info = new ProcessStartInfo("redis-server")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        [
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        _server = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        // The app's own connection settings: the multiplexer keeps retrying until the server listens.
        _connection = ConnectionMultiplexer.Connect(RedisRegistration.CreateConfiguration($"127.0.0.1:{port}"));
        _database = _connection.GetDatabase();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                _database.Ping();
                break;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException
                && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(50);
            }
        }

        _redisLimiter = new RedisRateLimiter(_connection, new NoMetrics(), NullLogger<RedisRateLimiter>.Instance);
        _inMemoryLimiter = new InMemoryRateLimiter();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connection?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit();
        }

        _server?.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Redis PING round trip")]
    public Task<TimeSpan> Ping() => _database!.PingAsync();

    [Benchmark(Description = "Redis sliding-window check")]
    public ValueTask<RateLimitDecision> RedisCheck() => _redisLimiter!.CheckAsync(NextKey(), Policy, CancellationToken.None);

    [Benchmark(Description = "In-process sliding-window check")]
    public ValueTask<RateLimitDecision> InMemoryCheck() =>
        _inMemoryLimiter!.CheckAsync(NextKey(), Policy, CancellationToken.None);

    private string NextKey() => _keys[(uint)Interlocked.Increment(ref _next) % KeyCount];

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
