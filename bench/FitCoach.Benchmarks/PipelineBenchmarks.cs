using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Application.Features.Exercises.Search;
using FitCoach.Application.Features.Profiles.GetProfile;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FitCoach.Benchmarks;

/// <summary>
/// A cached catalog search and a cached coach question through the whole MediatR pipeline (behaviors, validation,
/// caches, handler) in-process, against a profile read (the pipeline with almost no handler work) as the baseline:
/// what the use cases cost apart from HTTP, JSON and authentication.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const string User = "bench-user";

    private static readonly Lazy<ServiceProvider> Services = new(() =>
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot(), "src", "Api", "appsettings.json"))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        FitCoach.Application.DependencyInjection.AddApplication(services);
        FitCoach.Infrastructure.DependencyInjection.AddInfrastructure(services, configuration);
        services.AddSingleton<IAppMetrics, NoMetrics>();
        services.AddSingleton<ICurrentUser, UnlimitedUser>();
        return services.BuildServiceProvider();
    });

    private readonly string[] _queries = ["bench", "rdl", "db incline press", "squat", "lat pulldown", "ohp", "hammer curl", "face pull"];
    private int _i;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < _queries.Length; i++)
        {
            Search().GetAwaiter().GetResult();
        }

        foreach (var question in CoachFixture.Questions)
        {
            Send(new AskCoachCommand(User, question, null)).GetAwaiter().GetResult();
        }
    }

    [Benchmark(Baseline = true)]
    public Task<FitCoach.Domain.Profiles.UserProfile> Profile() => Send(new GetProfileQuery(User));

    [Benchmark]
    public Task<IReadOnlyList<FitCoach.Application.Features.Exercises.ExerciseDto>> Search() =>
        Send(new SearchExercisesQuery(User, _queries[_i++ % _queries.Length], null, null, 10));

    [Benchmark]
    public Task<AskCoachResponse> CoachAsk() => Send(new AskCoachCommand(User, CoachFixture.Questions.ElementAt(_i++ % 6), null));

    private static async Task<T> Send<T>(IRequest<T> request)
    {
        using var scope = Services.Value.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FitCoach.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }

    private sealed class UnlimitedUser : ICurrentUser
    {
        public bool IsAuthenticated => true;

        public string UserId => User;

        public string Tier => Tiers.Unlimited;

        public bool IsAdmin => false;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
