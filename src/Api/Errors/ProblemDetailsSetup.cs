using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FitCoach.Api.Errors;

public static class ProblemDetailsSetup
{
    /// <summary>
    /// Every error is RFC 9457 problem+json with a trace id and a type from <see cref="ProblemTypes"/>: exceptions
    /// (<see cref="ProblemExceptionHandler"/>), bodies, route and query values that don't bind (malformed JSON, wrong
    /// types), and bare status codes (401, 403, 404, 405, 415).
    /// </summary>
    public static IServiceCollection AddFitCoachProblemDetails(this IServiceCollection services)
    {
        // First of all writers (MVC adds its own in AddControllers): the first that accepts a problem writes it, and
        // ours accepts every one.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, ProblemJsonWriter>());
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            ApplyVocabulary(context.ProblemDetails, context.HttpContext));
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // PostConfigure: AddControllers installs its own factory, and ours must win whatever the registration order.
        services.PostConfigure<ApiBehaviorOptions>(options => options.InvalidModelStateResponseFactory = context =>
        {
            var renamed = new ModelStateDictionary();
            foreach (var (key, entry) in context.ModelState)
            {
                foreach (var error in entry.Errors)
                {
                    var field = FieldName(key);
                    renamed.AddModelError(field, Message(field, error.ErrorMessage));
                }
            }

            var factory = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>();
            var problem = factory.CreateValidationProblemDetails(
                context.HttpContext,
                renamed,
                StatusCodes.Status400BadRequest,
                title: null,
                detail: $"The request is invalid: {string.Join(", ", renamed.Keys)}.");
            return new ObjectResult(problem)
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentTypes = { "application/problem+json" },
            };
        });
        return services;
    }

    /// <summary>
    /// Type and title come from the status alone (MVC's client-error mapping and the exception handler would
    /// otherwise each pick their own); the detail falls back to one that names the request where it helps.
    /// </summary>
    internal static void ApplyVocabulary(ProblemDetails problem, HttpContext httpContext)
    {
        var status = problem.Status ?? httpContext.Response.StatusCode;
        var type = ProblemTypes.For(status);
        var request = httpContext.Request;
        problem.Status = status;
        problem.Type = type.Uri;
        problem.Title = type.Title;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        problem.Detail ??= status switch
        {
            StatusCodes.Status404NotFound => $"No resource at {request.Method} {request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}.",
            StatusCodes.Status415UnsupportedMediaType => string.IsNullOrEmpty(request.ContentType)
                ? $"{request.Method} {request.Path} needs a JSON body: send it with Content-Type: application/json."
                : $"{request.Method} {request.Path} does not accept Content-Type '{request.ContentType}': send the body as application/json.",
            _ => type.DefaultDetail,
        };
    }

    /// <summary>System.Text.Json's messages name CLR types; clients need to know what to fix.</summary>
    private static string Message(string field, string raw)
    {
        if (field == "body")
        {
            return "The request body is missing or is not valid JSON.";
        }

        return raw.Contains("could not be converted", StringComparison.Ordinal) || string.IsNullOrEmpty(raw)
            ? $"'{field}' has the wrong type or is not valid JSON."
            : raw;
    }

    /// <summary>
    /// Model-state keys as the client knows its JSON: "$.primaryMuscles[0]" → "primaryMuscles[0]"; the whole body
    /// ("$", "" or the parameter name) → "body".
    /// </summary>
    internal static string FieldName(string key)
    {
        var field = key.StartsWith("$.", StringComparison.Ordinal) ? key[2..] : key;
        if (field is "" or "$" or "request" or "body")
        {
            return "body";
        }

        var dot = field.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && field[..dot] is "request" or "body")
        {
            field = field[(dot + 1)..];
        }

        return char.ToLowerInvariant(field[0]) + field[1..];
    }
}
