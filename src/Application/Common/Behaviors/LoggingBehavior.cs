using System.Diagnostics;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using MediatR;
using Microsoft.Extensions.Logging;

namespace FitCoach.Application.Common.Behaviors;

/// <summary>
/// Outermost behavior: one structured log line and one latency observation per request. Expected failures
/// (4xx) are logged at Information and dependency outages (503) at Warning, so alerts on Error mean a bug.
/// </summary>
public sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger, IAppMetrics metrics)
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
            logger.LogInformation("Handled {Request} in {ElapsedMs:0.000} ms", RequestName, elapsed.TotalMilliseconds);
            return response;
        }
        catch (AppException ex)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.RequestHandled(RequestName, ex.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), elapsed);

            // A dependency outage is worth a warning (it is already counted and reported by /health); a client error is not.
            logger.Log(
                ex.StatusCode >= 500 ? LogLevel.Warning : LogLevel.Information,
                "Rejected {Request} with {Status} in {ElapsedMs:0.000} ms: {Reason}",
                RequestName,
                ex.StatusCode,
                elapsed.TotalMilliseconds,
                ex.Message);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.RequestHandled(RequestName, "error", elapsed);
            logger.LogError(ex, "Failed {Request} after {ElapsedMs:0.000} ms", RequestName, elapsed.TotalMilliseconds);
            throw;
        }
    }
}
