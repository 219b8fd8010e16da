using FitCoach.Application;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Rag;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Application.Common.UserContext;
using FitCoach.Domain.Profiles;
using FitCoach.Infrastructure;
using FitCoach.Infrastructure.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FitCoach.Benchmarks;

/// <summary>
/// The coach's request path as the API wires it on embedded defaults with embeddings off (no Redis, no model,
/// <c>Embeddings:Provider none</c>, so these rows stay comparable with those measured before the local model; the
/// hybrid path is <see cref="HybridRetrievalBenchmarks"/>): the
/// application's and infrastructure's own registrations, resolved once per process, so the benchmarks follow whatever
/// the app registers (the corpus and its BM25 index, the topic router with its namespace affinity, the composer, the
/// answer cache on the app's HybridCache settings). Only the metrics exporter is replaced, by <see cref="NoMetrics"/>.
/// </summary>
internal static class CoachFixture
{
    /// <summary>
    /// Not from the file: a question that names enough topics for the router's maximum of 15 namespaces, the
    /// exercises namespace (933 of the corpus's documents) among them. The worst case for retrieval.
    /// </summary>
    public const string FifteenNamespaces = "knee pain when squatting: should I deload, eat more protein, change my program or swap squats for leg press?";

    private static readonly Lazy<ServiceProvider> LazyServices = new(() =>
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddApplication();
        services.AddInfrastructure(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Embeddings:Provider"] = "none" })
            .Build());
        services.AddSingleton<IAppMetrics, NoMetrics>();
        return services.BuildServiceProvider();
    });

    /// <summary>Six questions from tests/Api.IntegrationTests/Coach/coach-questions.json, one per kind of topic.</summary>
    public static IEnumerable<string> Questions =>
    [
        "how much protein per day do i need to build muscle",
        "sharp pain on the inside of my knee when squatting",
        "DOMS so bad i can barely walk, should I still train legs today",
        "what can I do instead of barbell squats, no rack at home",
        "how do I combine running and lifting without killing my strength gains",
        "been lifting about a year and linear progression stopped working. what kind of program should i run next?",
    ];

    public static IServiceProvider Services => LazyServices.Value;

    public static EmbeddedKnowledgeIndex Index => Services.GetRequiredService<EmbeddedKnowledgeIndex>();

    public static IKnowledgeSearch Search => Services.GetRequiredService<IKnowledgeSearch>();

    public static TopicNamespaceRouter Router => Services.GetRequiredService<TopicNamespaceRouter>();

    /// <summary>A lifter with a full profile and an empty log, so the composer's personal part has work to do.</summary>
    public static UserContext Context { get; } = new(
        new UserProfile
        {
            Age = 34,
            Sex = "male",
            WeightKg = 82,
            Goals = ["strength", "hypertrophy"],
            Experience = "intermediate",
            DaysPerWeek = 4,
            SessionMinutes = 60,
            Injuries = ["knee"],
        },
        TrainingSummary.Empty);

    /// <summary>The coach's retrieval step exactly as the app runs it (no metrics exporter, no logging).</summary>
    public static KnowledgeRetriever Retriever { get; } = new(Search, Router, new NoMetrics(), NullLogger<KnowledgeRetriever>.Instance);
}
