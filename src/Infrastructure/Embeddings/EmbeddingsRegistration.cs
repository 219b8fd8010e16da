using FitCoach.Application.Common.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FitCoach.Infrastructure.Embeddings;

public static class EmbeddingsRegistration
{
    /// <summary>Whether the <c>Embeddings</c> section names an endpoint and a model id.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(EmbeddingsOptions.SectionName).Get<EmbeddingsOptions>() is { IsConfigured: true };
    }

    /// <summary>
    /// Registers <see cref="OpenAITextEmbedder"/> as the <see cref="ITextEmbedder"/> (and <see cref="IBatchTextEmbedder"/>)
    /// when the <c>Embeddings</c> section names an endpoint and a model id, and nothing otherwise: callers read a missing
    /// registration as "no embeddings" and work on words alone. A configured endpoint that is not an absolute http(s)
    /// URL, a timeout that is not positive, a dimension count below one or a similarity floor outside [-1, 1] fails at
    /// startup rather than on the first question. Calling it twice registers once.
    /// </summary>
    public static IServiceCollection AddTextEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!IsConfigured(configuration) || services.Any(d => d.ServiceType == typeof(OpenAITextEmbedder)))
        {
            return services;
        }

        const string Section = EmbeddingsOptions.SectionName;
        services.AddOptions<EmbeddingsOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(
                o => Uri.TryCreate(o.Endpoint?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
                $"{Section}:Endpoint must be an absolute http or https URL, e.g. http://localhost:11434/v1.")
            .Validate(o => o.Timeout > TimeSpan.Zero, $"{Section}:Timeout must be positive.")
            .Validate(o => o.Dimensions is null or > 0, $"{Section}:Dimensions must be at least 1 when set.")
            .Validate(o => o.MinSimilarity is >= -1 and <= 1, $"{Section}:MinSimilarity must be between -1 and 1.")
            .ValidateOnStart();
        services.TryAddSingleton<OpenAITextEmbedder>();
        services.TryAddSingleton<IBatchTextEmbedder>(provider => provider.GetRequiredService<OpenAITextEmbedder>());
        services.TryAddSingleton<ITextEmbedder>(provider => provider.GetRequiredService<OpenAITextEmbedder>());
        return services;
    }
}
