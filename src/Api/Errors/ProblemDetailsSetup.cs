using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace FitCoach.Api.Errors;

public static class ProblemDetailsSetup
{
    /// <summary>
    /// Every error is RFC 9457 problem+json with a trace id: exceptions (<see cref="ProblemExceptionHandler"/>),
    /// bodies that don't bind (malformed JSON, wrong types) and bare status codes (401, 403, 404, 405).
    /// </summary>
    public static IServiceCollection AddFitCoachProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Type ??= $"https://httpstatuses.io/{context.ProblemDetails.Status}";
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status401Unauthorized => "A valid bearer token is required (Authorization: Bearer <JWT>).",
                StatusCodes.Status403Forbidden => "Your token does not allow this request.",
                StatusCodes.Status404NotFound => $"No resource at {context.HttpContext.Request.Method} {context.HttpContext.Request.Path}.",
                StatusCodes.Status405MethodNotAllowed => $"{context.HttpContext.Request.Method} is not allowed on {context.HttpContext.Request.Path}.",
                _ => null,
            };
        });
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
                "Validation failed",
                detail: $"The request is invalid: {string.Join(", ", renamed.Keys)}.");
            return new ObjectResult(problem)
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentTypes = { "application/problem+json" },
            };
        });
        return services;
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
