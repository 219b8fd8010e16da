using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Knowledge.Upstash;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

/// <summary>
/// Upstash Search configured but unreachable (a closed loopback port): coach answers still come, from the embedded
/// index, and <c>/health</c> turns Degraded with the knowledge check saying why.
/// </summary>
public sealed class UpstashOutageTests : IAsyncLifetime
{
    private ConfiguredApiFactory _factory = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _factory = new ConfiguredApiFactory(new Dictionary<string, string?>
        {
            ["Upstash:Search:Url"] = $"http://127.0.0.1:{ClosedPort()}",
            ["Upstash:Search:Token"] = "AX-test-token",
            ["Upstash:Search:Deadline"] = "00:00:00.500",
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Health_IsDegraded_AfterACoachQuestionFindsUpstashUnreachable_AndTheAnswerStillCitesTheEmbeddedIndex()
    {
        var before = await (await _factory.CreateClient().GetAsync("/health", Cancel)).JsonAsync();
        Assert.Equal("Healthy", before.GetProperty("checks").GetProperty("knowledge").GetProperty("status").GetString());
        Assert.StartsWith("upstash: ", before.GetProperty("checks").GetProperty("knowledge").GetProperty("description").GetString(), StringComparison.Ordinal);

        var client = await _factory.ClientForAsync(ApiFactory.NewUserId());
        var answer = await (await client.PostAsJsonAsync("/api/coach/ask", new { question = "how much protein do I need to build muscle?" }, Cancel)).JsonAsync();
        Assert.NotEmpty(answer.GetProperty("sources").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(answer.GetProperty("answer").GetString()));

        var after = await (await _factory.CreateClient().GetAsync("/health", Cancel)).JsonAsync();
        Assert.Equal("Degraded", after.GetProperty("status").GetString());
        var knowledge = after.GetProperty("checks").GetProperty("knowledge");
        Assert.Equal("Degraded", knowledge.GetProperty("status").GetString());
        Assert.Equal("Upstash unreachable: answering from the embedded index (hybrid).", knowledge.GetProperty("description").GetString());
        Assert.Contains("could not reach", knowledge.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KnowledgeSearch_IsUpstashWithTheEmbeddedFallback_AndAnswersWithinTheDeadline()
    {
        var search = _factory.Services.GetRequiredService<IKnowledgeSearch>();
        var fallback = Assert.IsType<FallbackKnowledgeSearch>(search);
        Assert.Equal("upstash", search.Provider);

        var passages = await search.SearchAsync("how much protein per day", "nutrition", 3, Cancel);

        Assert.NotEmpty(passages);
        Assert.Equal("upstash->hybrid", search.Provider); // the local fallback is BM25 + the local model's vectors
        Assert.True(fallback.State.IsDegraded);
        Assert.True(search.DocumentCount > 0);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
