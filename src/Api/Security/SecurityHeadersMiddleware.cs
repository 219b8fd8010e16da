using Microsoft.Net.Http.Headers;

namespace FitCoach.Api.Security;

/// <summary>
/// Headers every response carries: <c>X-Content-Type-Options: nosniff</c> (a browser must not guess a JSON or text
/// body to be HTML or script) and, on <c>/api</c> responses, <c>Cache-Control: no-store</c> (they are per user and
/// carry tokens, profiles and workouts that no shared or browser cache should keep). Static Swagger assets stay
/// cacheable. Set when the response starts, so error responses written later get them too.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            http.Response.Headers.XContentTypeOptions = "nosniff";
            if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.Headers.CacheControl = "no-store";
                http.Response.Headers[HeaderNames.Pragma] = "no-cache";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
