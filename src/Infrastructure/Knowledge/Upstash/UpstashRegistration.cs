using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Knowledge.Corpus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FitCoach.Infrastructure.Knowledge.Upstash;

public static class UpstashRegistration
{
    /// <summary>
    /// When <c>Upstash:Search:Url</c> and <c>:Token</c> are both set, makes <see cref="IKnowledgeSearch"/> a
    /// <see cref="FallbackKnowledgeSearch"/>: Upstash first, within <c>Upstash:Search:Deadline</c>, and the local search
    /// (the keyed <see cref="KnowledgeRegistration.LocalSearchKey"/> registration, left in place) whenever Upstash is
    /// slow or down. Otherwise registers nothing. A configured section that is unusable (a URL that is not absolute
    /// http(s), a token with whitespace, a non-positive deadline) fails at startup, not on the first search.
    /// </summary>
    public static IServiceCollection AddUpstashKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(UpstashSearchOptions.SectionName);
        if (section.Get<UpstashSearchOptions>() is not { IsConfigured: true })
        {
            return services;
        }

        services.AddOptions<UpstashSearchOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<UpstashSearchOptions>, UpstashSearchOptionsValidator>();
        services.AddSingleton(provider => new UpstashSearchClient(provider.GetRequiredService<IOptions<UpstashSearchOptions>>().Value));
        services.AddSingleton(provider => new UpstashKnowledgeSearch(
            provider.GetRequiredService<UpstashSearchClient>(),
            provider.GetRequiredService<IOptions<UpstashSearchOptions>>().Value,
            provider.GetRequiredService<KnowledgeCorpus>().Documents.Count));
        services.AddSingleton(provider => new FallbackKnowledgeSearch(
            provider.GetRequiredService<UpstashKnowledgeSearch>(),
            provider.GetRequiredKeyedService<IKnowledgeSearch>(KnowledgeRegistration.LocalSearchKey),
            provider.GetRequiredService<IOptions<UpstashSearchOptions>>().Value.Deadline,
            provider.GetService<TimeProvider>() ?? TimeProvider.System,
            provider.GetRequiredService<ILogger<FallbackKnowledgeSearch>>()));

        // Replace the unkeyed port only; the keyed local search stays resolvable as the fallback.
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IKnowledgeSearch) && !services[i].IsKeyedService)
            {
                services.RemoveAt(i);
            }
        }

        services.AddSingleton<IKnowledgeSearch>(provider => provider.GetRequiredService<FallbackKnowledgeSearch>());
        return services;
    }
}
