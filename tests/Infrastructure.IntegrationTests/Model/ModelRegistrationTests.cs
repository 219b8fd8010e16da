using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Model;

public sealed class ModelRegistrationTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", "gpt-4o-mini")]
    [InlineData("  ", "gpt-4o-mini")]
    [InlineData("http://localhost:11434/v1", "")]
    [InlineData("http://localhost:11434/v1", null)]
    public async Task AddWorkoutTranscriptModel_WithoutAnEndpointAndAnId_RegistersTheOfflineNullObject(string? endpoint, string? id)
    {
        var services = new ServiceCollection().AddLogging();

        services.AddWorkoutTranscriptModel(Configuration(endpoint, id));
        await using var provider = services.BuildServiceProvider();

        Assert.False(provider.GetRequiredService<IWorkoutTranscriptModel>().IsConfigured);
        Assert.False(provider.GetRequiredService<ICoachModel>().IsConfigured);
        Assert.Equal("offline", provider.GetRequiredService<ICoachModel>().ModelId);
    }

    [Fact]
    public async Task AddWorkoutTranscriptModel_WhenConfigured_RegistersTheSemanticKernelModelOnce()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddWorkoutTranscriptModel(Configuration("http://localhost:11434/v1", "llama3.1:8b", ("Model:Timeout", "00:00:03")));
        await using var provider = services.BuildServiceProvider();

        var model = Assert.IsType<SemanticKernelWorkoutTranscriptModel>(provider.GetRequiredService<IWorkoutTranscriptModel>());
        Assert.Equal("llama3.1:8b", model.ModelId);
        Assert.Same(model, provider.GetRequiredService<IWorkoutTranscriptModel>());
        Assert.Equal(TimeSpan.FromSeconds(3), provider.GetRequiredService<IOptions<ModelOptions>>().Value.Timeout);
    }

    [Fact]
    public async Task AddWorkoutTranscriptModel_DefaultsTheTimeoutToTenSeconds()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddWorkoutTranscriptModel(Configuration("https://api.openai.com/v1", "gpt-4o-mini", ("Model:Key", "sk-test")));
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(TimeSpan.FromSeconds(10), provider.GetRequiredService<IOptions<ModelOptions>>().Value.Timeout);
    }

    [Theory]
    [InlineData("localhost:11434/v1", "00:00:10")]
    [InlineData("/v1", "00:00:10")]
    [InlineData("ftp://models.example/v1", "00:00:10")]
    [InlineData("http://localhost:11434/v1", "00:00:00")]
    public async Task AddWorkoutTranscriptModel_RefusesAnUnusableEndpointOrTimeout(string endpoint, string timeout)
    {
        var services = new ServiceCollection().AddLogging();

        services.AddWorkoutTranscriptModel(Configuration(endpoint, "gpt-4o-mini", ("Model:Timeout", timeout)));
        await using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IWorkoutTranscriptModel>());
    }

    private static IConfiguration Configuration(string? endpoint, string? id, params (string Key, string Value)[] extra) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?> { ["Model:Endpoint"] = endpoint, ["Model:Id"] = id }
                    .Concat(extra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value))))
            .Build();
}
