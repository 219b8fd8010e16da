using ZLogger;

namespace FitCoach.Api.Observability;

/// <summary>
/// The app's only log output: the console, through ZLogger. Request threads hand each entry to a bounded channel and
/// return; one background writer drains it in batches and writes UTF-8 to stdout with one write per batch, instead
/// of the console logger's lock handoff and write per line (under load that handoff cost a fifth of the API's CPU:
/// docs/BENCHMARKS.md). Development gets escaped plain text for people, everything else one JSON object per line for
/// log shippers (the JSON writer escapes control characters).
/// </summary>
public static class ConsoleLogging
{
    /// <summary>
    /// Entries waiting for the writer. Past this, under a burst, new entries are dropped rather than making a request
    /// thread wait for a log line.
    /// </summary>
    public const int QueueCapacity = 10_000;

    public static ILoggingBuilder AddFitCoachConsole(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(logging);
        return logging.ClearProviders().AddZLoggerConsole(options => Configure(options, environment));
    }

    /// <summary>The console's format and queue; tests apply the same to an in-memory sink to read what it writes.</summary>
    public static void Configure(ZLoggerOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        options.FullMode = BackgroundBufferFullMode.Drop;
        options.BackgroundBufferCapacity = QueueCapacity;
        if (environment.IsDevelopment())
        {
            options.UseFormatter(() => new EscapedPlainTextFormatter());
        }
        else
        {
            options.IncludeScopes = true;
            options.UseJsonFormatter();
        }
    }
}
