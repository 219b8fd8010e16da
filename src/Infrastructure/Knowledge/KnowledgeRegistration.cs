using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Knowledge.Corpus;
using FitCoach.Infrastructure.Knowledge.Retrieval;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FitCoach.Infrastructure.Knowledge;

public static class KnowledgeRegistration
{
    /// <summary>The search that runs in this process (BM25, or hybrid when embeddings are configured).</summary>
    public const string LocalSearchKey = "local";

    /// <summary>
    /// The corpus, the embedded BM25 index built from it at startup, and the <see cref="IKnowledgeSearch"/> the app
    /// uses: the in-process search by default.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(provider => KnowledgeCorpus.Load(provider.GetRequiredService<IExerciseCatalog>().All));
        services.AddSingleton<TextAnalyzer>();
        services.AddSingleton<ITextNormalizer, AnalyzerTextNormalizer>();
        services.AddSingleton(provider => new EmbeddedKnowledgeIndex(
            new Bm25Index(provider.GetRequiredService<KnowledgeCorpus>().Documents, provider.GetRequiredService<TextAnalyzer>())));
        services.AddKeyedSingleton<IKnowledgeSearch>(LocalSearchKey, (provider, _) => provider.GetRequiredService<EmbeddedKnowledgeIndex>());
        services.AddSingleton(provider => provider.GetRequiredKeyedService<IKnowledgeSearch>(LocalSearchKey));
        return services;
    }
}
