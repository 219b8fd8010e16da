using FitCoach.Application.Common.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FitCoach.Infrastructure.Embeddings;

public static class EmbeddingsRegistration
{
    /// <summary>The <c>Embeddings</c> section as options (defaults when it is absent).</summary>
    public static EmbeddingsOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(EmbeddingsOptions.SectionName).Get<EmbeddingsOptions>() ?? new EmbeddingsOptions();
    }

    /// <summary>
    /// Whether embeddings are on: the provider is <c>local</c> (the default) or <c>openai</c> with an endpoint and a
    /// model id. False for <c>none</c> and for a provider name we do not know (which fails at startup).
    /// </summary>
    public static bool IsConfigured(IConfiguration configuration) => Read(configuration) is var options && options.ResolvedProvider switch
    {
        EmbeddingProviders.Local => true,
        EmbeddingProviders.OpenAI => options.IsConfigured,
        _ => false,
    };

    /// <summary>
    /// Registers the <see cref="ITextEmbedder"/> (and <see cref="IBatchTextEmbedder"/>) that <c>Embeddings:Provider</c>
    /// names: <see cref="LocalTextEmbedder"/> for <c>local</c> (the default), with a hosted service that loads the model
    /// once the app has started; <see cref="OpenAITextEmbedder"/> for <c>openai</c> (also the meaning of an unset
    /// provider when an endpoint and a model id are set); nothing for <c>none</c>, and callers read a missing
    /// registration as "no embeddings" and work on words alone. The options are validated at startup: an unknown
    /// provider, <c>openai</c> without an endpoint and model id, an endpoint that is not an absolute http(s) URL, a
    /// timeout that is not positive, a dimension count below one or a similarity floor outside [-1, 1] fails then
    /// rather than on the first question. Calling it twice registers once.
    /// </summary>
    public static IServiceCollection AddTextEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<EmbeddingsOptions>)))
        {
            return services;
        }

        const string Section = EmbeddingsOptions.SectionName;
        var settings = Read(configuration);
        var chosen = settings.ResolvedProvider;
        services.AddOptions<EmbeddingsOptions>()
            .Bind(configuration.GetSection(Section))
            .Validate(
                o => o.ResolvedProvider is not null,
                $"{Section}:Provider must be '{EmbeddingProviders.Local}', '{EmbeddingProviders.OpenAI}' or '{EmbeddingProviders.None}', not '{settings.Provider}'.")
            .Validate(
                o => o.ResolvedProvider != EmbeddingProviders.OpenAI || o.IsConfigured,
                $"{Section}:Provider '{EmbeddingProviders.OpenAI}' needs {Section}:Endpoint and {Section}:Id (or set {Section}:Provider to '{EmbeddingProviders.Local}' or '{EmbeddingProviders.None}').")
            .Validate(
                o => o.ResolvedProvider != EmbeddingProviders.OpenAI
                    || (Uri.TryCreate(o.Endpoint?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)),
                $"{Section}:Endpoint must be an absolute http or https URL, e.g. http://localhost:11434/v1.")
            .Validate(o => o.Timeout > TimeSpan.Zero, $"{Section}:Timeout must be positive.")
            .Validate(o => o.Dimensions is null or > 0, $"{Section}:Dimensions must be at least 1 when set.")
            .Validate(o => o.MinSimilarity is null or (>= -1 and <= 1), $"{Section}:MinSimilarity must be between -1 and 1.")
            .ValidateOnStart();

        switch (chosen)
        {
            case EmbeddingProviders.Local:
                services.TryAddSingleton(provider => new LocalTextEmbedder(LocalSentenceModel.Shared, provider.GetRequiredService<IAppMetrics>()));
                services.TryAddSingleton<IBatchTextEmbedder>(provider => provider.GetRequiredService<LocalTextEmbedder>());
                services.TryAddSingleton<ITextEmbedder>(provider => provider.GetRequiredService<LocalTextEmbedder>());
                services.AddHostedService<LocalModelLoader>();
                break;
            case EmbeddingProviders.OpenAI when settings.IsConfigured:
                services.TryAddSingleton<OpenAITextEmbedder>();
                services.TryAddSingleton<IBatchTextEmbedder>(provider => provider.GetRequiredService<OpenAITextEmbedder>());
                services.TryAddSingleton<ITextEmbedder>(provider => provider.GetRequiredService<OpenAITextEmbedder>());
                break;
        }

        return services;
    }
}
