using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using FitCoach.Api.Observability;
using Microsoft.Extensions.Hosting;
using Xunit;
using ZLogger;

namespace FitCoach.Api.IntegrationTests.Security;

/// <summary>
/// A caller's URL must never start a console line. Request lines name the route template, not the raw path, so a
/// route value does not reach the logs at all; and whatever text does reach a message (an exception's, a value some
/// adapter logs), the plain-text console of Development escapes line breaks, so an entry is one line.
/// </summary>
public sealed class LogForgingTests
{
    [Theory]
    [InlineData("%0D%0Ainfo:%20Forged.Entry[0]")]
    [InlineData("%0Ainfo:%20Forged.Entry[0]")]
    [InlineData("%0Dinfo:%20Forged.Entry[0]")]
    [InlineData("%E2%80%A8info:%20Forged.Entry[0]")]
    public async Task RouteValuesWithLineBreaks_CannotForgeConsoleLines(string forged)
    {
        using var factory = new ConsoleCaptureFactory();
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        await client.GetAsync($"/api/sessions/abc{forged}", TestContext.Current.CancellationToken);

        var output = factory.Output;
        Assert.Contains("api/sessions/{id} answered 404", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Forged.Entry", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', output);
        Assert.DoesNotContain('\u2028', output);
        var lines = output.Split('\n');
        Assert.All(lines.Where(line => line.Contains("Forged.Entry", StringComparison.Ordinal)), line =>
            Assert.False(line.TrimStart().StartsWith("info:", StringComparison.Ordinal), $"forged line: {line}"));
    }

    [Theory]
    [InlineData("abc\r\ninfo: Forged.Entry[0]")]
    [InlineData("abc\u2028info: Forged.Entry[0]")]
    public void MessageValuesWithLineBreaks_AreEscapedByTheConsole(string forged)
    {
        using var factory = new ConsoleCaptureFactory();
        var logger = factory.Services.GetRequiredService<ILoggerFactory>().CreateLogger("FitCoach.Test");

        logger.LogWarning("Something about {Value}", forged);

        var lines = factory.Output.Split('\n');
        Assert.Contains(lines, line => line.Contains("Forged.Entry", StringComparison.Ordinal));
        Assert.All(lines.Where(line => line.Contains("Forged.Entry", StringComparison.Ordinal)), line =>
            Assert.False(line.TrimStart().StartsWith("info:", StringComparison.Ordinal), $"forged line: {line}"));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public void EveryEnvironmentsConsoleFormat_WritesAForgedLineBreakEscaped(string environment)
    {
        var written = new ConcurrentQueue<string>();
        var host = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment };
        using (var factory = LoggerFactory.Create(logging => logging.AddZLoggerInMemory(
            (options, _) => ConsoleLogging.Configure(options, host),
            processor => processor.MessageReceived += written.Enqueue)))
        {
            factory.CreateLogger("FitCoach.Test").LogWarning("Something about {Value}", "abc\r\ninfo: Forged.Entry[0]\u2028x");
        }

        var entry = Assert.Single(written);
        Assert.Contains("Forged.Entry", entry, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', entry);
        Assert.DoesNotContain('\u2028', entry);
        Assert.All(entry.Split('\n'), line => Assert.False(line.TrimStart().StartsWith("info: Forged", StringComparison.Ordinal), $"forged line: {line}"));
        if (environment == "Production")
        {
            using var json = System.Text.Json.JsonDocument.Parse(entry);
            Assert.Equal("Something about abc\r\ninfo: Forged.Entry[0]\u2028x", json.RootElement.GetProperty("Message").GetString());
        }
    }

    /// <summary>
    /// Every log entry of the app, written the way the app's console writes it: the same ZLogger options (format,
    /// escaping) on an in-memory sink instead of stdout.
    /// </summary>
    private sealed class ConsoleCaptureFactory() : ConfiguredApiFactory([])
    {
        private readonly ConcurrentQueue<string> _written = new();

        public string Output => string.Join('\n', _written);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Information);
                logging.AddZLoggerInMemory(
                    (options, services) => ConsoleLogging.Configure(options, services.GetRequiredService<IHostEnvironment>()),
                    processor => processor.MessageReceived += _written.Enqueue);
            });
        }
    }
}
