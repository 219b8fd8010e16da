using System.Net;
using System.Net.Sockets;
using FitCoach.Api.Commands;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

/// <summary>
/// <c>knowledge sync</c>'s argument and configuration handling (the sync itself is tested against a loopback Upstash
/// in the Infrastructure integration tests).
/// </summary>
public sealed class KnowledgeSyncCommandTests
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(new[] { "knowledge", "sync" }, true)]
    [InlineData(new[] { "knowledge", "sync", "--dry-run" }, true)]
    [InlineData(new[] { "knowledge" }, false)]
    [InlineData(new[] { "--urls", "http://localhost:5080" }, false)]
    [InlineData(new string[0], false)]
    public void IsInvoked_OnlyForKnowledgeSync(string[] args, bool invoked) =>
        Assert.Equal(invoked, KnowledgeSyncCommand.IsInvoked(args));

    [Fact]
    public async Task Run_WithoutUpstashConfigured_ExplainsWhatToSet()
    {
        var code = await RunAsync(["knowledge", "sync"]);

        Assert.Equal(KnowledgeSyncCommand.Usage, code);
        Assert.Contains("Upstash Search is not configured", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Upstash__Search__Url", _error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_output.ToString());
    }

    [Fact]
    public async Task Run_WithAnUnknownArgument_PrintsUsage()
    {
        var code = await RunAsync(["knowledge", "sync", "--purge"], ("Upstash:Search:Url", "https://eu1-search.upstash.io"), ("Upstash:Search:Token", "t"));

        Assert.Equal(KnowledgeSyncCommand.Usage, code);
        Assert.Contains("unknown argument --purge", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("usage: knowledge sync [--dry-run] [--prune]", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithABadUrl_SaysSo()
    {
        var code = await RunAsync(["knowledge", "sync"], ("Upstash:Search:Url", "eu1-search.upstash.io"), ("Upstash:Search:Token", "t"));

        Assert.Equal(KnowledgeSyncCommand.Usage, code);
        Assert.Contains("Url must be an absolute http or https URL", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenUpstashIsUnreachable_FailsWithAClearMessage()
    {
        var url = $"http://127.0.0.1:{ClosedPort()}";

        var code = await RunAsync(["knowledge", "sync", "--dry-run"], ("Upstash:Search:Url", url), ("Upstash:Search:Token", "t"));

        Assert.Equal(KnowledgeSyncCommand.Failed, code);
        Assert.StartsWith($"knowledge sync failed: Upstash Search info could not reach {url}", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("dry run", _output.ToString(), StringComparison.Ordinal);
    }

    private Task<int> RunAsync(string[] args, params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return KnowledgeSyncCommand.RunAsync(args, configuration, _output, _error, Cancel);
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
