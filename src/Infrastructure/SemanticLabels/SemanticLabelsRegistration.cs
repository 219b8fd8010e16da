using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Embeddings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace FitCoach.Infrastructure.SemanticLabels;

public static class SemanticLabelsRegistration
{
    /// <summary>
    /// The <see cref="ISemanticLabeler"/>: with an embedding model (<c>Embeddings:Provider</c> <c>local</c>, the default,
    /// or <c>openai</c>), <see cref="ExampleEmbeddingLabeler"/> over the shipped example sets, which embeds them in the
    /// background on its first call (a start pays nothing until something asks for the signal: about 5 s of one core
    /// with the local model); with <c>none</c>, <see cref="NoSemanticLabeler"/>, which answers "off". Registers the
    /// embedder too (<see cref="EmbeddingsRegistration.AddTextEmbeddings"/>, once however often it is called). Calling
    /// it twice registers once.
    /// </summary>
    public static IServiceCollection AddSemanticLabels(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddTextEmbeddings(configuration);
        if (services.Any(d => d.ServiceType == typeof(ISemanticLabeler)))
        {
            return services;
        }

        if (!EmbeddingsRegistration.IsConfigured(configuration))
        {
            services.AddSingleton<ISemanticLabeler, NoSemanticLabeler>();
            return services;
        }

        services.TryAddSingleton(provider => new ExampleEmbeddingLabeler(
            LabelledExampleSet.Shipped,
            provider.GetRequiredService<IBatchTextEmbedder>(),
            provider.GetRequiredService<ILogger<ExampleEmbeddingLabeler>>()));
        services.AddSingleton<ISemanticLabeler>(provider => provider.GetRequiredService<ExampleEmbeddingLabeler>());
        return services;
    }
}
