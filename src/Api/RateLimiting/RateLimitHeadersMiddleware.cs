using System.Globalization;
using FitCoach.Application.Common.RateLimiting;

namespace FitCoach.Api.RateLimiting;

/// <summary>
/// Writes the IETF RateLimit-Policy and RateLimit fields (draft-ietf-httpapi-ratelimit-headers, -08 and later
/// list syntax) on every response whose request was rate limited, allowed or rejected.
/// </summary>
public sealed class RateLimitHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var rateLimit = http.RequestServices.GetService<RateLimitState>();
            if (rateLimit?.Policy is { } policy && rateLimit.Decision is { } decision)
            {
                var window = (long)Math.Ceiling(policy.Window.TotalSeconds);
                var reset = (long)Math.Ceiling(Math.Max(decision.ResetAfter.TotalSeconds, decision.RetryAfter.TotalSeconds));
                http.Response.Headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"{policy.Name}\";q={policy.Limit};w={window}");
                http.Response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"{policy.Name}\";r={decision.Remaining};t={reset}");
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
