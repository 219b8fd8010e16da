using System.Text.Json;
using System.Text.Json.Serialization;
using FitCoach.Api.Auth;
using FitCoach.Api.Commands;
using FitCoach.Api.Errors;
using FitCoach.Api.Health;
using FitCoach.Api.Idempotency;
using FitCoach.Api.Observability;
using FitCoach.Api.OpenApi;
using FitCoach.Api.RateLimiting;
using FitCoach.Api.Security;
using FitCoach.Application;
using FitCoach.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Diagnostics.HealthChecks;

if (KnowledgeSyncCommand.IsInvoked(args))
{
    // `dotnet run --project src/Api -- knowledge sync [--dry-run] [--prune]`: push the corpus to Upstash, then exit.
    Environment.ExitCode = await KnowledgeSyncCommand.RunAsync(args);
    return;
}

if (KnowledgeVectorsCommand.IsInvoked(args))
{
    // `dotnet run --project src/Api -- knowledge vectors [--out PATH]`: bring the corpus vector file up to date, then exit.
    Environment.ExitCode = await KnowledgeVectorsCommand.RunAsync(args);
    return;
}

var builder = WebApplication.CreateBuilder(args);
ProductionConfigurationGuard.ThrowIfUnsafe(builder.Environment, builder.Configuration);
builder.Logging.AddFitCoachConsole(builder.Environment);
MetricsSetup.SuppressAdapterMetrics();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddFitCoachAuth(builder.Configuration);
builder.Services.AddFitCoachForwardedHeaders(builder.Configuration);
builder.Services.Configure<RequestLimitOptions>(builder.Configuration.GetSection(RequestLimitOptions.Section));
builder.Services.AddFitCoachProblemDetails();
builder.Services.AddFitCoachSwagger();
builder.Services
    .AddControllers(options =>
    {
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        // Bodies are JSON and arguments come from the route, the query and the body: no action binds a form, so the
        // form and jQuery-syntax value providers (built for every request that binds anything) are not registered.
        options.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
        options.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
        options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
        options.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
    })
    .AddJsonOptions(options =>
    {
        options.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, FitCoach.Api.ApiJsonContext.Default);
        options.JsonSerializerOptions.Converters.Add(new FitCoach.Api.CoachAnswerJsonConverter(options.JsonSerializerOptions.PropertyNamingPolicy));
    });

var app = builder.Build();

// The knowledge search is built in the background while the server starts (KnowledgeIndexWarmup logs it when ready).
app.Logger.LogInformation(
    "Adapters: stores, rate limits and cache L2 {Redis}; model {Model}",
    string.IsNullOrWhiteSpace(app.Configuration[FitCoach.Infrastructure.DependencyInjection.RedisConnectionStringKey]) ? "in-process" : "Redis",
    app.Services.GetRequiredService<FitCoach.Application.Common.Ports.IWorkoutTranscriptModel>().ModelId);

app.UseMiddleware<RequestCompletionLogging>();
app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestBodyLimitMiddleware>();
// The UI and document describe every route to anyone who asks: Development, or where an operator turns them on.
var swagger = app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Swagger:Enabled");
if (swagger)
{
    app.UseSwagger();
    app.UseSwaggerUI(options => options.EnablePersistAuthorization());
}

app.UseRouting();
app.UseFitCoachHttpMetrics();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<RateLimitHeadersMiddleware>();
app.UseMiddleware<IdempotencyMiddleware>();

app.MapControllers();
app.MapHealthChecks("/health", new HealthCheckOptions
{
    ResponseWriter = HealthResponseWriter.WriteAsync,
    ResultStatusCodes =
    {
        [HealthStatus.Healthy] = StatusCodes.Status200OK,
        [HealthStatus.Degraded] = StatusCodes.Status200OK,
        [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
    },
}).AllowAnonymous();
app.MapFitCoachMetrics();
if (swagger)
{
    app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();
}

await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory in the integration tests.</summary>
public partial class Program;
