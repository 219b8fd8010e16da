using System.Diagnostics;
using System.Globalization;
using FitCoach.Application.Common.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using StackExchange.Redis;

namespace FitCoach.Api.Errors;

/// <summary>
/// The one place exceptions become HTTP: expected failures keep their status and message; Redis outages become
/// 503 with a message saying nothing was stored; anything else is a 500 with a trace id and, outside
/// Development, no exception details.
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
                Title = validation.Title,
                Detail = $"The request is invalid: {string.Join(", ", validation.Errors.Keys)}.",
                Status = validation.StatusCode,
            },
            RateLimitExceededException limited => RateLimited(httpContext, limited),
            AppException app => new ProblemDetails { Title = app.Title, Detail = app.Message, Status = app.StatusCode },
            BadHttpRequestException bad => new ProblemDetails { Title = "Bad request", Detail = bad.Message, Status = bad.StatusCode },
            RedisConnectionException or RedisTimeoutException => new ProblemDetails
            {
                Title = "Service unavailable",
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
            logger.LogWarning(exception, "Dependency unavailable for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = "5";
        }

        problem.Type = problem.Status switch
        {
            429 => "https://iana.org/assignments/http-problem-types#quota-exceeded",
            _ => $"https://httpstatuses.io/{problem.Status}",
        };
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
            Title = limited.Title,
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

    private ProblemDetails Unexpected(Exception exception)
    {
        logger.LogError(exception, "Unhandled exception");
        var problem = new ProblemDetails
        {
            Title = "Internal server error",
            Detail = "Something went wrong on our side. Quote the traceId when reporting it.",
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
