using Microsoft.OpenApi;

namespace FitCoach.Api.OpenApi;

public static class SwaggerSetup
{
    public static IServiceCollection AddFitCoachSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.OperationFilter<IdempotencyKeyHeaderFilter>();
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "FitCoach API",
                Version = "v1",
                Description = "Get a token from POST /api/auth/dev-token (Development), then press Authorize and paste it.",
            });
            options.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                In = ParameterLocation.Header,
                Name = "Authorization",
                Description = "The JWT only, without the word Bearer.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference("Bearer", document)] = [],
            });
            var xml = Path.Combine(AppContext.BaseDirectory, "FitCoach.Api.xml");
            if (File.Exists(xml))
            {
                options.IncludeXmlComments(xml);
            }
        });
        return services;
    }
}
