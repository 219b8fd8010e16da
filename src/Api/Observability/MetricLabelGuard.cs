using Microsoft.AspNetCore.Routing.Patterns;

namespace FitCoach.Api.Observability;

/// <summary>
/// Keeps the HTTP metrics' label values to a set the application defines. prometheus-net labels each series with the
/// request method and the matched route, so without this any caller could add series at will: every made-up method
/// (<c>FOO1</c>, <c>FOO2</c>, ...) and every spelling of a real one (<c>gEt</c>) would be a new label value. Placed
/// after routing and before <c>UseHttpMetrics</c>: routing has already chosen the endpoint (a 404 or a 405 for such
/// requests), so renaming the method changes what the metrics see, not what the request gets.
/// </summary>
public sealed class MetricLabelGuard(RequestDelegate next)
{
    /// <summary>The method label of every request whose method is not one of the standard ones.</summary>
    public const string OtherMethod = "other";

    /// <summary>The endpoint label of every request no route matched.</summary>
    public const string UnmatchedEndpoint = "unmatched";

    private static readonly string[] StandardMethods =
    [
        HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch, HttpMethods.Head, HttpMethods.Options,
    ];

    // Answers exactly as routing does when nothing matches (404, turned into a problem by the status-code pages), but
    // under one route pattern, so unknown paths share one endpoint label instead of relying on the library's default.
    private static readonly RouteEndpoint Unmatched = new(
        static context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        },
        RoutePatternFactory.Parse(UnmatchedEndpoint),
        order: 0,
        EndpointMetadataCollection.Empty,
        UnmatchedEndpoint);

    public Task InvokeAsync(HttpContext context)
    {
        context.Request.Method = Canonical(context.Request.Method);
        if (context.GetEndpoint() is null)
        {
            context.SetEndpoint(Unmatched);
        }

        return next(context);
    }

    // Routing matches methods case-insensitively; the label takes the standard spelling, or "other".
    private static string Canonical(string method)
    {
        foreach (var standard in StandardMethods)
        {
            if (string.Equals(method, standard, StringComparison.OrdinalIgnoreCase))
            {
                return standard;
            }
        }

        return OtherMethod;
    }
}
