using System.Collections.Concurrent;
using FitCoach.Api.Observability;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

/// <summary>Logging at Information costs one line per HTTP request, naming the route template, never the raw path.</summary>
public sealed class RequestLoggingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EachRequest_LogsOneCompletionLine_AtInformation_WithTheRouteTemplate()
    {
        using var api = new CapturingFactory();
        var client = await api.ClientForAsync(ApiFactory.NewUserId());
        await api.WaitForStartupLinesAsync();
        api.Lines.Clear();

        await client.GetAsync("/api/exercises?q=bench", Cancel);
        await client.GetAsync("/api/sessions/not-a-session%0D%0Aforged", Cancel);

        var lines = api.Lines.Where(l => l.Level >= LogLevel.Information).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(typeof(RequestCompletionLogging).FullName, l.Category));
        Assert.Contains("GET api/exercises answered 200", lines[0].Message, StringComparison.Ordinal);
        Assert.Contains("GET api/sessions/{id} answered 404", lines[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Message.Contains("forged", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HealthProbes_LogBelowInformation()
    {
        // A steady-state probe: while the local embedding model loads, /health is Degraded and the framework logs
        // that at Warning, which is right for those seconds.
        await ApiFactory.WaitForLocalModelAsync();
        using var api = new CapturingFactory();
        var client = api.CreateClient();
        await api.WaitUntilHybridAsync();
        await api.WaitForStartupLinesAsync();
        api.Lines.Clear();

        await client.GetAsync("/health", Cancel);

        Assert.DoesNotContain(api.Lines, l => l.Level >= LogLevel.Information);
        Assert.Contains(api.Lines, l => l.Level == LogLevel.Debug && l.Message.Contains("/health", StringComparison.Ordinal));
    }

    private sealed record Line(string Category, LogLevel Level, string Message);

    private sealed class CapturingFactory() : ConfiguredApiFactory([])
    {
        public ConcurrentQueue<Line> Lines { get; } = new();

        /// <summary>
        /// Steady state: the knowledge search is built in the background at startup and says so once at Information;
        /// the request lines under test come after it.
        /// </summary>
        public async Task WaitForStartupLinesAsync()
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            while (!Lines.Any(l => l.Category == typeof(FitCoach.Infrastructure.Knowledge.KnowledgeIndexWarmup).FullName))
            {
                Assert.True(started.Elapsed < TimeSpan.FromSeconds(60), "The knowledge search was not built within 60 s of startup.");
                await Task.Delay(20, Cancel);
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Debug);
                logging.AddFilter("Microsoft", LogLevel.Warning);
                logging.AddFilter("System", LogLevel.Warning);
                logging.AddFilter("FitCoach", LogLevel.Debug);
                logging.Services.AddSingleton<ILoggerProvider>(new Provider(Lines));
            });
        }
    }

    private sealed class Provider(ConcurrentQueue<Line> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<Line> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(new Line(category, logLevel, formatter(state, exception)));
        }
    }
}
