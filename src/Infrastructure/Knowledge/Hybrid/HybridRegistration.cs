using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Catalog;
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
    /// Unless <c>Embeddings:Provider</c> is <c>none</c>: the <see cref="ITextEmbedder"/> (the local model by default), the
    /// document vector index (read from the vector file, the rest embedded by a hosted service after startup, never
    /// blocking it), the catalog's exercise-name vectors over that index (<see cref="IExerciseNameVectors"/>), and <see cref="HybridKnowledgeSearch"/> in place of the in-process search registered under
    /// <see cref="KnowledgeRegistration.LocalSearchKey"/>. With <c>none</c> it registers no embedder and no name vectors, and the
    /// in-process search stays BM25. Call it after that keyed registration.
    /// </summary>
    public static IServiceCollection AddHybridRetrieval(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddTextEmbeddings(configuration);
        if (!EmbeddingsRegistration.IsConfigured(configuration))
        {
            return services;
        }

        services.TryAddSingleton(provider =>
        {
            var embedder = provider.GetRequiredService<IBatchTextEmbedder>();
            var options = provider.GetRequiredService<IOptions<EmbeddingsOptions>>().Value;
            var catalog = (provider.GetRequiredService<IExerciseCatalog>() as JsonExerciseCatalog ?? JsonExerciseCatalog.LoadEmbedded()).All;
            var logger = provider.GetRequiredService<ILogger<DocumentVectorIndex>>();
            return new DocumentVectorIndex(
                provider.GetRequiredService<KnowledgeCorpus>().Documents,
                embedder,
                logger,
                store: new CorpusVectorStore(StoreModelId(embedder.ModelId, options.Dimensions), options.VectorFile, logger),
                extraTexts: CorpusVectorTexts.ExerciseNames(catalog));
        });
        services.TryAddSingleton(provider => new HybridKnowledgeSearch(
            provider.GetRequiredService<EmbeddedKnowledgeIndex>(),
            provider.GetRequiredService<DocumentVectorIndex>(),
            provider.GetRequiredService<ITextEmbedder>(),
            (float)provider.GetRequiredService<IOptions<EmbeddingsOptions>>().Value.EffectiveMinSimilarity,
            provider.GetRequiredService<ILogger<HybridKnowledgeSearch>>()));

        services.TryAddSingleton<IExerciseNameVectors>(provider => new ExerciseNameVectors(
            provider.GetRequiredService<DocumentVectorIndex>(),
            provider.GetRequiredService<ITextEmbedder>(),
            (provider.GetRequiredService<IExerciseCatalog>() as JsonExerciseCatalog ?? JsonExerciseCatalog.LoadEmbedded()).All,
            provider.GetRequiredService<ILogger<ExerciseNameVectors>>()));

        services.RemoveAll(d => d.ServiceType == typeof(IKnowledgeSearch) && d.IsKeyedService && Equals(d.ServiceKey, KnowledgeRegistration.LocalSearchKey));
        services.AddKeyedSingleton<IKnowledgeSearch>(
            KnowledgeRegistration.LocalSearchKey, (provider, _) => provider.GetRequiredService<HybridKnowledgeSearch>());
        services.AddHostedService<VectorIndexBuilder>();
        return services;
    }

    /// <summary>Vectors of one model shortened to different lengths are different vectors: the length is part of the key.</summary>
    public static string StoreModelId(string modelId, int? dimensions) => dimensions is { } d ? $"{modelId}@{d}" : modelId;

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
