using System.Diagnostics;

namespace FitCoach.Api.Observability;

/// <summary>
/// One completion line per HTTP request: method (as <see cref="MetricLabelGuard"/> bounds it), route template (never
/// the raw path, which carries user input), status and time. Outermost, so the status is the one the client got. Source-generated, so a disabled level costs one check; <c>/health</c> and <c>/metrics</c>, which
/// probes call every few seconds, log at Debug.
/// </summary>
public sealed partial class RequestCompletionLogging(RequestDelegate next, ILogger<RequestCompletionLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // The exception handler clears the endpoint before it writes a problem; its feature keeps the one that failed.
            var endpoint = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint ?? context.GetEndpoint();
            var route = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? MetricLabelGuard.UnmatchedEndpoint;
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = context.RequestAborted.IsCancellationRequested ? 499 : context.Response.StatusCode;
            if (route is "/health" or "/metrics")
            {
                Probed(context.Request.Method, route, status, elapsed);
            }
            else
            {
                Completed(context.Request.Method, route, status, elapsed);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Route} answered {Status} in {ElapsedMs} ms")]
    private partial void Completed(string method, string route, int status, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Method} {Route} answered {Status} in {ElapsedMs} ms")]
    private partial void Probed(string method, string route, int status, double elapsedMs);
}
