using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FitCoach.Api.Health;

/// <summary><c>GET /health</c> → <c>{status, checks: {redis, knowledge, model}}</c>, each check with its status and why.</summary>
/// <remarks>
/// The endpoint is anonymous, so outside Development a check's exception text (host names, ports, driver internals)
/// stays in the logs: the body carries the status and the check's own description only.
/// </remarks>
public static class HealthResponseWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var showErrors = context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 2),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new
                {
                    status = entry.Value.Status.ToString(),
                    description = entry.Value.Description,
                    durationMs = Math.Round(entry.Value.Duration.TotalMilliseconds, 2),
                    error = showErrors ? entry.Value.Exception?.Message : null,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
