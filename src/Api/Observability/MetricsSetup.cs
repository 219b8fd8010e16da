using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using Prometheus;

namespace FitCoach.Api.Observability;

public static class MetricsSetup
{
    /// <summary>
    /// Keeps /metrics to the app's own series plus process and runtime statistics. prometheus-net otherwise starts, at
    /// the first scrape, adapters that subscribe to every .NET EventCounter and Meter (Kestrel, hosting, sockets, even
    /// QUIC): dozens of series nobody asked for, and listeners that make every later request record its events: a
    /// cached coach/ask answered 18 % fewer requests per second after the first scrape than before it
    /// (docs/BENCHMARKS.md). Request latency comes from <see cref="UseFitCoachHttpMetrics"/>. Call before the first
    /// scrape (at startup); calling again is harmless.
    /// </summary>
    public static void SuppressAdapterMetrics() =>
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true, SuppressMeters = true });

    /// <summary>HTTP request metrics with labels no caller can multiply (see <see cref="MetricLabelGuard"/>). After UseRouting.</summary>
    public static IApplicationBuilder UseFitCoachHttpMetrics(this IApplicationBuilder app)
    {
        app.UseMiddleware<MetricLabelGuard>();
        app.UseHttpMetrics();
        app.UseMiddleware<MetricsTokenMiddleware>();
        return app;
    }

    /// <summary><c>GET /metrics</c>: open by default; on its own port and/or behind a bearer token when configured.</summary>
    public static IEndpointConventionBuilder MapFitCoachMetrics(this WebApplication app)
    {
        var options = app.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        var endpoint = app.MapMetrics("/metrics").AllowAnonymous();
        if (options.Port is { } port)
        {
            endpoint.RequireHost($"*:{port}");
        }

        if (!string.IsNullOrEmpty(options.Token))
        {
            endpoint.WithMetadata(new MetricsTokenRequired(options.Token));
        }

        return endpoint;
    }
}

/// <summary>Endpoint metadata: the endpoint answers only to <c>Authorization: Bearer &lt;token&gt;</c>.</summary>
public sealed class MetricsTokenRequired(string token)
{
    private readonly byte[] _hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Constant-time over hashes, so the comparison reveals neither the token nor its length.</summary>
    public bool Accepts(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(_hash, SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
}

/// <summary>Answers 401 problem+json to a request for an endpoint marked <see cref="MetricsTokenRequired"/> without its token.</summary>
public sealed class MetricsTokenMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<MetricsTokenRequired>() is { } required
            && !required.Accepts(BearerToken(context.Request)))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status401Unauthorized,
                    Title = "Unauthorized",
                    Detail = "Metrics need the scrape token (Authorization: Bearer <Metrics:Token>).",
                },
            });
            return;
        }

        await next(context);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }
}
