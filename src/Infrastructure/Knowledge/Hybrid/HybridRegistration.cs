using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.Knowledge.Corpus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FitCoach.Infrastructure.Knowledge.Hybrid;

public static class HybridRegistration
{
    /// <summary>
    /// When the <c>Embeddings</c> section is configured: the <see cref="ITextEmbedder"/>, the document vector index (built
    /// by a hosted service after startup, never blocking it), and <see cref="HybridKnowledgeSearch"/> in place of the
    /// in-process search registered under <see cref="KnowledgeRegistration.LocalSearchKey"/>. Without embeddings it
    /// registers nothing and the in-process search stays BM25. Call it after that keyed registration.
    /// </summary>
    public static IServiceCollection AddHybridRetrieval(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!EmbeddingsRegistration.IsConfigured(configuration))
        {
            return services;
        }

        services.AddTextEmbeddings(configuration);
        services.TryAddSingleton(provider => new DocumentVectorIndex(
            provider.GetRequiredService<KnowledgeCorpus>().Documents,
            provider.GetRequiredService<IBatchTextEmbedder>(),
            provider.GetRequiredService<ILogger<DocumentVectorIndex>>()));
        services.TryAddSingleton(provider => new HybridKnowledgeSearch(
            provider.GetRequiredService<EmbeddedKnowledgeIndex>(),
            provider.GetRequiredService<DocumentVectorIndex>(),
            provider.GetRequiredService<ITextEmbedder>(),
            (float)provider.GetRequiredService<IOptions<EmbeddingsOptions>>().Value.MinSimilarity,
            provider.GetRequiredService<ILogger<HybridKnowledgeSearch>>()));

        services.RemoveAll(d => d.ServiceType == typeof(IKnowledgeSearch) && d.IsKeyedService && Equals(d.ServiceKey, KnowledgeRegistration.LocalSearchKey));
        services.AddKeyedSingleton<IKnowledgeSearch>(
            KnowledgeRegistration.LocalSearchKey, (provider, _) => provider.GetRequiredService<HybridKnowledgeSearch>());
        services.AddHostedService<VectorIndexBuilder>();
        return services;
    }

    private static void RemoveAll(this IServiceCollection services, Func<ServiceDescriptor, bool> match)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (match(services[i]))
            {
                services.RemoveAt(i);
            }
        }
    }
}
