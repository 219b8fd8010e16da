using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Catalog;
using FitCoach.Infrastructure.Knowledge.Corpus;
using FitCoach.Infrastructure.Knowledge.Hybrid;
using FitCoach.Infrastructure.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FitCoach.Infrastructure.Knowledge;

public static class KnowledgeRegistration
{
    /// <summary>The search that runs in this process (BM25, or hybrid when embeddings are configured).</summary>
    public const string LocalSearchKey = "local";

    /// <summary>
    /// The corpus, the embedded BM25 index built from it at startup, the namespace affinity the coach's router uses,
    /// and the <see cref="IKnowledgeSearch"/> the app uses: BM25 in-process by default, fused with vector search (RRF)
    /// when <c>Embeddings</c> is configured, and Upstash Search with the local search as its deadline fallback when
    /// <c>Upstash:Search</c> is configured.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The corpus documents the shipped catalog, whatever catalog adapter serves the exercise routes.
        services.AddSingleton(provider => KnowledgeCorpus.Load(
            (provider.GetRequiredService<IExerciseCatalog>() as JsonExerciseCatalog ?? JsonExerciseCatalog.LoadEmbedded()).All));
        services.AddSingleton<TextAnalyzer>();
        services.AddSingleton<ITextNormalizer>(provider => new AnalyzerTextNormalizer(
            provider.GetRequiredService<TextAnalyzer>(), provider.GetRequiredService<EmbeddedKnowledgeIndex>()));
        services.AddSingleton(provider => EmbeddedKnowledgeIndex.Build(
            provider.GetRequiredService<KnowledgeCorpus>(), provider.GetRequiredService<TextAnalyzer>()));
        services.AddSingleton<INamespaceAffinity, Bm25NamespaceAffinity>();
        services.AddKeyedSingleton<IKnowledgeSearch>(LocalSearchKey, (provider, _) => provider.GetRequiredService<EmbeddedKnowledgeIndex>());
        services.AddHybridRetrieval(configuration);
        services.AddSingleton(provider => provider.GetRequiredKeyedService<IKnowledgeSearch>(LocalSearchKey));
        Upstash.UpstashRegistration.AddUpstashKnowledge(services, configuration);
        services.AddHostedService<KnowledgeIndexWarmup>();
        return services;
    }
}
