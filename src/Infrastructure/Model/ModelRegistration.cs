using FitCoach.Application.Common.Ports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FitCoach.Infrastructure.Model;

public static class ModelRegistration
{
    /// <summary>
    /// Registers <see cref="SemanticKernelWorkoutTranscriptModel"/> as the <see cref="IWorkoutTranscriptModel"/> and
    /// <see cref="SemanticKernelCoachModel"/> as the <see cref="ICoachModel"/> when the
    /// <c>Model</c> section names an endpoint and a model id, and the <see cref="NoModel"/> null object otherwise:
    /// callers see <c>IsConfigured == false</c> and parse with the rules alone or answer offline. A configured endpoint that is not an absolute
    /// http(s) URL, or a timeout that is not positive, fails at startup rather than on the first voice request.
    /// </summary>
    public static IServiceCollection AddWorkoutTranscriptModel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var section = configuration.GetSection(ModelOptions.SectionName);
        if (section.Get<ModelOptions>() is not { IsConfigured: true })
        {
            services.AddSingleton<IWorkoutTranscriptModel, NoModel>();
            services.AddSingleton<ICoachModel, NoModel>();
            return services;
        }

        services.AddOptions<ModelOptions>()
            .Bind(section)
            .Validate(
                o => Uri.TryCreate(o.Endpoint?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps),
                $"{ModelOptions.SectionName}:Endpoint must be an absolute http or https URL, e.g. http://localhost:11434/v1.")
            .Validate(o => o.Timeout > TimeSpan.Zero, $"{ModelOptions.SectionName}:Timeout must be positive.")
            .Validate(o => o.CoachTimeout > TimeSpan.Zero, $"{ModelOptions.SectionName}:CoachTimeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IWorkoutTranscriptModel, SemanticKernelWorkoutTranscriptModel>();
        services.AddSingleton<ICoachModel, SemanticKernelCoachModel>();
        return services;
    }
}
