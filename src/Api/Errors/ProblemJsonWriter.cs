using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace FitCoach.Api.Errors;

/// <summary>
/// Writes every problem as application/problem+json, whatever the request's Accept header says. The framework's
/// own writer declines when Accept names neither JSON nor problem+json (a browser's <c>text/html</c>), and the
/// status-code pages then answer a text/plain "Status Code: 404; Not Found"; the contract promises problem+json
/// for every error, so this writer is registered first and never declines.
/// </summary>
public sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public const string ContentType = "application/problem+json";

    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        problem.Status ??= context.HttpContext.Response.StatusCode;
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(context.HttpContext.Response.WriteAsJsonAsync(
            problem,
            problem.GetType(),
            jsonOptions.Value.SerializerOptions,
            ContentType,
            context.HttpContext.RequestAborted));
    }
}
