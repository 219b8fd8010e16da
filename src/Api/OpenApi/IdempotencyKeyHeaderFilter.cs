using FitCoach.Api.Idempotency;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace FitCoach.Api.OpenApi;

/// <summary>Documents the optional <c>Idempotency-Key</c> header on every POST, PUT, PATCH and DELETE under <c>/api</c>.</summary>
public sealed class IdempotencyKeyHeaderFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var method = context.ApiDescription.HttpMethod ?? "";
        if (!(context.ApiDescription.RelativePath ?? "").StartsWith("api/", StringComparison.OrdinalIgnoreCase) ||
            method is not ("POST" or "PUT" or "PATCH" or "DELETE"))
        {
            return;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyMiddleware.HeaderName,
            In = ParameterLocation.Header,
            Required = false,
            Description = $"Makes a retry safe: a repeat with the same key (1–{IdempotencyMiddleware.MaxKeyLength} visible ASCII characters) " +
                "and the same request within 24 hours gets the first response again (Idempotent-Replayed: true) without the work " +
                "being done twice; the same key with a different request is a 422.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyMiddleware.MaxKeyLength },
        });
    }
}
