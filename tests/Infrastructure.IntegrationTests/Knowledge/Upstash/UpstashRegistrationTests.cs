using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Knowledge;
using FitCoach.Infrastructure.Knowledge.Corpus;
using FitCoach.Infrastructure.Knowledge.Upstash;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Upstash;

public sealed class UpstashRegistrationTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("https://eu1-search.upstash.io", null)]
    [InlineData("https://eu1-search.upstash.io", " ")]
    [InlineData("", "token")]
    public async Task AddUpstashKnowledge_WithoutUrlAndToken_KeepsTheLocalSearch(string? url, string? token)
    {
        var services = LocalServices();
        var before = services.Count;

        services.AddUpstashKnowledge(Configuration(("Upstash:Search:Url", url), ("Upstash:Search:Token", token)));
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(before, services.Count);
        Assert.IsType<EmbeddedKnowledgeIndex>(provider.GetRequiredService<IKnowledgeSearch>());
    }

    [Fact]
    public async Task AddUpstashKnowledge_WhenConfigured_PutsUpstashInFront_WithTheLocalSearchAsFallback()
    {
        var services = LocalServices();

        services.AddUpstashKnowledge(Configuration(
            ("Upstash:Search:Url", "https://eu1-search.upstash.io/"), ("Upstash:Search:Token", "AX-token"), ("Upstash:Search:Deadline", "00:00:00.250")));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var search = Assert.IsType<FallbackKnowledgeSearch>(provider.GetRequiredService<IKnowledgeSearch>());
        Assert.Same(search, provider.GetRequiredService<IKnowledgeSearch>());
        Assert.Single(provider.GetServices<IKnowledgeSearch>());
        Assert.IsType<EmbeddedKnowledgeIndex>(provider.GetRequiredKeyedService<IKnowledgeSearch>(KnowledgeRegistration.LocalSearchKey));
        Assert.Equal("upstash", search.Provider);
        Assert.Equal("embedded", search.FallbackProvider);
        Assert.Equal(UpstashTestCorpus.Create().Documents.Count, search.DocumentCount);
        var options = provider.GetRequiredService<IOptions<UpstashSearchOptions>>().Value;
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Deadline);
        Assert.Equal("fitcoach-recovery", options.IndexName("recovery"));
        Assert.Equal("https://eu1-search.upstash.io", provider.GetRequiredService<UpstashSearchClient>().BaseUrl);
    }

    [Fact]
    public async Task AddUpstashKnowledge_DefaultsTheDeadlineAndPrefix()
    {
        var services = LocalServices();

        services.AddUpstashKnowledge(Configuration(("Upstash:Search:Url", "https://eu1-search.upstash.io"), ("Upstash:Search:Token", "AX-token")));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<UpstashSearchOptions>>().Value;
        Assert.Equal(TimeSpan.FromMilliseconds(800), options.Deadline);
        Assert.Equal("fitcoach-", options.IndexPrefix);
    }

    [Theory]
    [InlineData("eu1-search.upstash.io", "AX-token", "00:00:00.800", "Url must be an absolute http or https URL")]
    [InlineData("ftp://eu1-search.upstash.io", "AX-token", "00:00:00.800", "Url must be an absolute http or https URL")]
    [InlineData("https://eu1-search.upstash.io", "AX token\n", "00:00:00.800", "Token contains whitespace")]
    [InlineData("https://eu1-search.upstash.io", "AX-token", "00:00:00", "Deadline must be positive")]
    public async Task AddUpstashKnowledge_RefusesAnUnusableSectionAtStartup(string url, string token, string deadline, string problem)
    {
        var services = LocalServices();

        services.AddUpstashKnowledge(Configuration(("Upstash:Search:Url", url), ("Upstash:Search:Token", token), ("Upstash:Search:Deadline", deadline)));
        await using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    private static ServiceCollection LocalServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var corpus = UpstashTestCorpus.Create();
        services.AddSingleton(corpus);
        services.AddSingleton(UpstashTestCorpus.Embedded(corpus));
        services.AddKeyedSingleton<IKnowledgeSearch>(KnowledgeRegistration.LocalSearchKey, (provider, _) => provider.GetRequiredService<EmbeddedKnowledgeIndex>());
        services.AddSingleton(provider => provider.GetRequiredKeyedService<IKnowledgeSearch>(KnowledgeRegistration.LocalSearchKey));
        return services;
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
