using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Xunit;

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

    /// <summary>
    /// Every log entry of the app, written by the console formatter the app configured (what its console would show).
    /// </summary>
    private sealed class ConsoleCaptureFactory() : ConfiguredApiFactory([])
    {
        private readonly ConcurrentQueue<string> _written = new();

        public string Output => string.Concat(_written);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Information);
                logging.Services.AddSingleton<ILoggerProvider>(services => new FormattingProvider(services, _written));
            });
        }
    }

    private sealed class FormattingProvider(IServiceProvider services, ConcurrentQueue<string> written) : ILoggerProvider
    {
        private ConsoleFormatter Formatter
        {
            get
            {
                var name = services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName ?? ConsoleFormatterNames.Simple;
                return services.GetServices<ConsoleFormatter>().Single(f => f.Name == name);
            }
        }

        public ILogger CreateLogger(string categoryName) => new FormattingLogger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class FormattingLogger(FormattingProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                using var writer = new StringWriter();
                provider.Formatter.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), new LoggerExternalScopeProvider(), writer);
                provider.Record(writer.ToString());
            }
        }

        private void Record(string text) => written.Enqueue(text);
    }
}
