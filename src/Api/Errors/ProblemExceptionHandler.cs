using System.Diagnostics;
using System.Globalization;
using FitCoach.Application.Common.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using StackExchange.Redis;

namespace FitCoach.Api.Errors;

/// <summary>
/// The one place exceptions become HTTP (type and title come from <see cref="ProblemTypes"/> by status): expected
/// failures keep their status and message; Redis outages become 503 with a message saying nothing was stored;
/// anything else is a 500 with a trace id and, outside Development, no exception details.
/// </summary>
public sealed class ProblemExceptionHandler(
    IProblemDetailsService problemDetails,
    IHostEnvironment environment,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RequestValidationException validation => new ValidationProblemDetails(
                validation.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Detail = $"The request is invalid: {string.Join(", ", validation.Errors.Keys)}.",
                Status = validation.StatusCode,
            },
            RateLimitExceededException limited => RateLimited(httpContext, limited),
            AppException app => new ProblemDetails { Detail = app.Message, Status = app.StatusCode },
            BadHttpRequestException bad => new ProblemDetails { Detail = BadRequestDetail(bad), Status = bad.StatusCode },
            RedisConnectionException or RedisTimeoutException => new ProblemDetails
            {
                Detail = "Storage (Redis) is unreachable, so this request could not be completed. Retry in a few seconds.",
                Status = StatusCodes.Status503ServiceUnavailable,
            },
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested => null,
            _ => Unexpected(exception),
        };

        if (problem is null)
        {
            return true;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning(exception, "Dependency unavailable for {Method} {Route}", httpContext.Request.Method, (httpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched");
            httpContext.Response.Headers.RetryAfter = "5";
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails RateLimited(HttpContext httpContext, RateLimitExceededException limited)
    {
        var retryAfter = Math.Max(1, (int)Math.Ceiling(limited.Decision.RetryAfter.TotalSeconds));
        httpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Detail = $"{limited.Message} Retry in {retryAfter} s.",
            Status = limited.StatusCode,
        };
        problem.Extensions["group"] = limited.Group;
        problem.Extensions["tier"] = limited.Tier;
        problem.Extensions["limit"] = limited.Policy.Limit;
        problem.Extensions["windowSeconds"] = (int)limited.Policy.Window.TotalSeconds;
        problem.Extensions["retryAfterSeconds"] = retryAfter;
        problem.Extensions["violated-policies"] = new[] { limited.Group };
        return problem;
    }

    /// <summary>The server's own words for a body it could not read (for 413 they name the limit in bytes).</summary>
    private static string BadRequestDetail(BadHttpRequestException bad) => bad.StatusCode == StatusCodes.Status413PayloadTooLarge
        ? $"{bad.Message} Send a smaller body, or split the request."
        : bad.Message;

    private ProblemDetails Unexpected(Exception exception)
    {
        logger.LogError(exception, "Unhandled exception");
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
        };
        if (environment.IsDevelopment())
        {
            problem.Extensions["exception"] = exception.ToString();
        }

        problem.Extensions["activityId"] = Activity.Current?.Id;
        return problem;
    }
}
