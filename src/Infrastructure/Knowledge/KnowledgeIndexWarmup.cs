using System.Diagnostics;
using FitCoach.Application.Common.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FitCoach.Infrastructure.Knowledge;

/// <summary>
/// Builds the knowledge search (the corpus and its BM25 index, about a quarter of a second of CPU) on a pool thread
/// while the server starts, rather than before it: the first <c>/health</c> no longer waits for it, and a request that
/// needs it before it is done waits only for the rest of the build (the container builds a singleton once).
/// </summary>
public sealed partial class KnowledgeIndexWarmup(IServiceProvider services, ILogger<KnowledgeIndexWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var search = services.GetRequiredService<IKnowledgeSearch>();
                Ready(search.Provider, search.DocumentCount, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The request that needs it will build it again and fail visibly; startup must not.
                Failed(ex);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge search {Provider} ready: {Documents} documents, built in {ElapsedMs} ms")]
    private partial void Ready(string provider, int documents, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the knowledge search at startup failed; the first request that needs it will try again")]
    private partial void Failed(Exception exception);
}
