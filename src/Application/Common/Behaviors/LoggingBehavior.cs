using System.Diagnostics;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using MediatR;
using Microsoft.Extensions.Logging;

namespace FitCoach.Application.Common.Behaviors;

/// <summary>
/// Outermost behavior: one latency observation per request, and log lines only where they tell something. A
/// handled request logs at Debug (the HTTP layer already writes one completion line per request, so Information
/// here would double the log volume and its cost under load); an expected failure (4xx) at Debug too, a dependency
/// outage (503) at Warning, an unexpected failure at Error with the exception. Lines carry the use case, status,
/// time and exception type, never the exception message, which can repeat request values.
/// </summary>
public sealed partial class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger, IAppMetrics metrics)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly string RequestName = typeof(TRequest).Name;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.RequestHandled(RequestName, "ok", elapsed);
            Handled(RequestName, elapsed.TotalMilliseconds);
            return response;
        }
        catch (AppException ex)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.RequestHandled(RequestName, ex.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), elapsed);
            if (ex.StatusCode >= 500)
            {
                // An outage is worth a warning (it is also counted and reported by /health); a client error is not.
                DependencyDown(RequestName, ex.StatusCode, elapsed.TotalMilliseconds, ex.GetType().Name);
            }
            else
            {
                Rejected(RequestName, ex.StatusCode, elapsed.TotalMilliseconds, ex.GetType().Name);
            }

            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.RequestHandled(RequestName, "error", elapsed);
            Failed(ex, RequestName, elapsed.TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {Request} in {ElapsedMs} ms")]
    private partial void Handled(string request, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected {Request} with {Status} in {ElapsedMs} ms ({Reason})")]
    private partial void Rejected(string request, int status, double elapsedMs, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Request} with {Status} in {ElapsedMs} ms: a dependency is down ({Reason})")]
    private partial void DependencyDown(string request, int status, double elapsedMs, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed {Request} after {ElapsedMs} ms")]
    private partial void Failed(Exception exception, string request, double elapsedMs);
}
