using BenchmarkDotNet.Attributes;
using FitCoach.Application.Common.Rag;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Application.Common.UserContext;
using Microsoft.Extensions.DependencyInjection;

namespace FitCoach.Benchmarks;

/// <summary>
/// The coach answer cache as the API registers it (HybridCache with the app's settings, in-process tier only, as the
/// API runs without Redis) on a hit against a miss (the baseline). A miss is what an offline request pays in-process:
/// normalise the question, look it up, retrieve over the whole corpus, compose and store; every miss call uses a new user-context fingerprint so it cannot hit. A
/// hit is the same question again for a context already answered: normalise, fingerprint, look up, return.
/// </summary>
[Config(typeof(PerCallLatencyConfig))]
public class CoachAnswerCacheBenchmarks
{
    private CoachAnswerCache _cache = null!;
    private int _missContexts;

    [Params(
        "how much protein per day do i need to build muscle",
        "sharp pain on the inside of my knee when squatting",
        "DOMS so bad i can barely walk, should I still train legs today")]
    public string Question { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _cache = CoachFixture.Services.GetRequiredService<CoachAnswerCache>();
        Hit().GetAwaiter().GetResult(); // composes and stores the answer unless an earlier case (same process) did
        if (!Hit().GetAwaiter().GetResult().Cached)
        {
            throw new InvalidOperationException("The second ask of the same question for the same context should hit.");
        }
    }

    [Benchmark(Baseline = true)]
    public Task<(CoachAnswer Answer, bool Cached)> Miss()
    {
        // A context no earlier call had: its fingerprint (and so the key) is new.
        var context = CoachFixture.Context with { Training = TrainingSummary.Empty with { WorkoutsLast28Days = ++_missContexts } };
        return _cache.GetOrComposeAsync(Question, context, CoachAnswerWriter.OfflineModel, ct => ComposeAsync(context, ct), CancellationToken.None);
    }

    [Benchmark]
    public Task<(CoachAnswer Answer, bool Cached)> Hit() =>
        _cache.GetOrComposeAsync(Question, CoachFixture.Context, CoachAnswerWriter.OfflineModel, ct => ComposeAsync(CoachFixture.Context, ct), CancellationToken.None);

    private Task<CoachAnswer> ComposeAsync(UserContext context, CancellationToken cancellationToken) =>
        CoachFixture.Services.GetRequiredService<ICoachAnswerWriter>().WriteAsync(Question, context, [], cancellationToken);
}
