using System.Text;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Profiles;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.SemanticLabels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.SemanticLabels;

/// <summary>Which labeler the configuration gives, and the shipped example sets.</summary>
public sealed class SemanticLabelsRegistrationTests
{
    /// <summary>The contract's chat intents (docs/API.md, "Coach, chat and injury").</summary>
    private static readonly string[] ContractIntents =
        ["log_workout", "log_run", "ask_coach", "injury", "swap_exercise", "program_request", "nutrition", "onboarding", "progress_insights", "other"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("none")]
    [InlineData(" None ")]
    public async Task AddSemanticLabels_WithProviderNone_RegistersTheNullLabeler_WhichAnswersOffAtOnce(string provider)
    {
        await using var services = Services(("Embeddings:Provider", provider)).BuildServiceProvider();

        var labeler = Assert.IsType<NoSemanticLabeler>(services.GetRequiredService<ISemanticLabeler>());
        Assert.Empty(services.GetServices<IHostedService>());
        var call = labeler.RankAsync(SemanticLabelSets.Intent, "bench 3x8 at 185", Cancel);
        Assert.True(call.IsCompleted);
        Assert.Equal(SemanticSignal.Off, (await call).Signal);
    }

    [Fact]
    public async Task AddSemanticLabels_ByDefault_RegistersTheExampleLabelerOnTheLocalModel_Once_AndNothingThatRunsAtStart()
    {
        var collection = Services();
        collection.AddSemanticLabels(new ConfigurationBuilder().Build());
        await using var services = collection.BuildServiceProvider();

        var labeler = Assert.IsType<ExampleEmbeddingLabeler>(services.GetRequiredService<ISemanticLabeler>());
        Assert.Same(labeler, services.GetRequiredService<ExampleEmbeddingLabeler>());
        Assert.IsType<LocalTextEmbedder>(services.GetRequiredService<IBatchTextEmbedder>());
        Assert.DoesNotContain(services.GetServices<IHostedService>(), s => s.GetType().Namespace == typeof(ExampleEmbeddingLabeler).Namespace);
        Assert.False(labeler.IsReady);
        Assert.Single(collection, d => d.ServiceType == typeof(ISemanticLabeler));
    }

    [Fact]
    public void ShippedSets_CoverExactlyTheContractsIntentsAndBodyRegions_WithEnoughExamplesOfEach()
    {
        var intents = LabelledExampleSet.Shipped.Single(s => s.Name == SemanticLabelSets.Intent);
        var regions = LabelledExampleSet.Shipped.Single(s => s.Name == SemanticLabelSets.BodyRegion);

        Assert.Equal(SemanticLabelSets.All, LabelledExampleSet.Shipped.Select(s => s.Name));
        Assert.Equal(ContractIntents.Order(), intents.Labels.Order());
        Assert.Equal(ProfileVocabulary.BodyRegions.Order(), regions.Labels.Order());
        Assert.All(intents.Labels, label => Assert.InRange(intents.Examples.Count(e => e.Label == label), 25, 40));
        Assert.All(regions.Labels, label => Assert.InRange(regions.Examples.Count(e => e.Label == label), 10, 20));
    }

    [Theory]
    [InlineData("""{"labelSet": "intent", "labels": {"a": ["same text"], "b": ["Same text "]}}""", "two labels")]
    [InlineData("""{"labelSet": "intent", "labels": {"a": ["fine", " "]}}""", "blank")]
    [InlineData("""{"labelSet": "intent", "labels": {}}""", "no examples")]
    [InlineData("""{"labels": {"a": ["fine"]}}""", "needs 'labelSet'")]
    public void Read_RefusesAnUnusableSet(string json, string message)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var error = Assert.Throws<InvalidDataException>(() => LabelledExampleSet.Read(stream));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static ServiceCollection Services(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => s.Value)).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IAppMetrics>(new RecordingMetrics());
        services.AddSemanticLabels(configuration);
        return services;
    }
}
