using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FitCoach.Application;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Workouts.Recording;
using FitCoach.Domain.Workouts;
using FitCoach.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Perfolizer.Mathematics.OutlierDetection;

namespace FitCoach.Benchmarks;

/// <summary>
/// The whole workout write path against a real <c>redis-server</c> (started on a free loopback port, no persistence):
/// personal records from the maintained summary, the store script, and the <see cref="WorkoutRecorded"/> handlers
/// (leaderboards, user-context invalidation). <see cref="RecordOne"/> runs 100 single writes for one user, each an
/// iteration, after <see cref="PriorWorkouts"/> already in history: with 0 they are the user's first 100 writes, with
/// 900 their last 100 of 1,000. Their medians' ratio is how much a write's cost grows with history (target ≤ 1.3).
/// <see cref="RecordBatchOf1000"/> records 1,000 workouts for a new user through the batch path (target &lt; 1 s).
/// </summary>
[Config(typeof(Config))]
public class WorkoutWriteBenchmarks
{
    private const int ExercisesPerWorkout = 5;
    private const int SetsPerExercise = 4;

    private static readonly string[] Exercises =
        ["Barbell_Squat", "Barbell_Bench_Press_-_Medium_Grip", "Barbell_Deadlift", "Standing_Military_Press", "Pullups", "Barbell_Curl", "Dips_-_Triceps_Version", "Leg_Press"];

    private Process? _redis;
    private ServiceProvider _services = null!;
    private string _user = "";
    private int _next;

    [Params(0, 900)]
    public int PriorWorkouts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var port = FreePort();
        _redis = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server could not be started (apt-get install redis-server).");
        _redis.StandardOutput.ReadLine();
        Thread.Sleep(300);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication();
        services.AddInfrastructure(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Redis:ConnectionString"] = $"127.0.0.1:{port}" })
            .Build());
        services.AddSingleton<IAppMetrics, NoMetrics>();
        _services = services.BuildServiceProvider();

        // JIT and connection warm-up on a user of its own, so the first measured write is not the process's first.
        for (var i = 0; i < 30; i++)
        {
            using var warm = _services.CreateScope();
            warm.ServiceProvider.GetRequiredService<WorkoutRecorder>().RecordAsync("warm-up", Workout(i, recent: true), CancellationToken.None).GetAwaiter().GetResult();
        }

        _user = $"bench-{Guid.NewGuid():N}";
        if (PriorWorkouts > 0)
        {
            using var scope = _services.CreateScope();
            scope.ServiceProvider.GetRequiredService<WorkoutRecorder>()
                .RecordManyAsync(_user, [.. Enumerable.Range(0, PriorWorkouts).Select(Workout)], CancellationToken.None)
                .GetAwaiter().GetResult();
        }

        _next = PriorWorkouts;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        if (_redis is { HasExited: false })
        {
            _redis.Kill();
            _redis.WaitForExit();
        }

        _redis?.Dispose();
    }

    /// <summary>One more workout for the user, through the full single-write path.</summary>
    [Benchmark]
    public async Task<Workout> RecordOne()
    {
        using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WorkoutRecorder>().RecordAsync(_user, Workout(_next++, recent: true), CancellationToken.None);
    }

    /// <summary>A new user's 1,000 workouts (an import of years of history) through the batch path.</summary>
    [Benchmark]
    public async Task<IReadOnlyList<Workout>> RecordBatchOf1000()
    {
        using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WorkoutRecorder>()
            .RecordManyAsync($"batch-{Guid.NewGuid():N}", [.. Enumerable.Range(0, 1000).Select(Workout)], CancellationToken.None);
    }

    /// <summary>
    /// The n-th workout, 5 exercises × 4 sets: history is one a day going back years (imported: not ranked); a recent
    /// one is from the last hours, so it ranks and the leaderboard projection runs as for a finished session.
    /// </summary>
    private static Workout Workout(int n) => Workout(n, recent: false);

    private static Workout Workout(int n, bool recent)
    {
        var at = recent ? DateTimeOffset.UtcNow.AddHours(-3).AddSeconds(n) : DateTimeOffset.UtcNow.AddDays(-(2000 - n));
        var exercises = Enumerable.Range(0, ExercisesPerWorkout)
            .Select(e => Exercises[(n + e) % Exercises.Length])
            .Distinct()
            .Select(id => new WorkoutExercise(id, id.Replace('_', ' '), [.. Enumerable.Range(0, SetsPerExercise).Select(s => new WorkoutSet
            {
                Reps = 5 + s,
                Weight = 60 + (n % 50) + (s * 2.5),
                Unit = "kg",
                Rpe = 7 + (s * 0.5),
            })]))
            .ToList();
        return new Workout($"w{n:D6}", "", at, 60, 8, exercises) { Source = "session", Ranked = true };
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>100 single calls per case (an iteration each), every one kept: the medians are over single writes.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithWarmupCount(0)
                .WithLaunchCount(1)
                .WithIterationCount(100)
                .WithOutlierMode(OutlierMode.DontRemove)
                .WithId("Writes"));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}
