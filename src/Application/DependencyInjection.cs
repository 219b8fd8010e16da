using FitCoach.Application.Common.Behaviors;
using FitCoach.Application.Common.Rag;
using FitCoach.Application.Common.RateLimiting;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Application.Features.Coach.UserContext;
using FitCoach.Application.Features.Exercises.CreateOrMatch;
using FitCoach.Application.Features.Leaderboards;
using FitCoach.Application.Features.Voice;
using FitCoach.Application.Features.Workouts;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace FitCoach.Application;

public static class DependencyInjection
{
    /// <summary>
    /// MediatR 5.1 (see docs/decisions/0001-mediatr-5.md), handlers and validators by Scrutor scan, and the
    /// pipeline behaviors registered explicitly because their order is the design: logging → rate limit →
    /// validation → caching → RAG context → handler.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        services.Scan(scan => scan
            .FromAssemblyOf<ApplicationAssembly>()
            .AddClasses(classes => classes.AssignableTo(typeof(IRequestHandler<,>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithTransientLifetime()
            .AddClasses(classes => classes.AssignableTo(typeof(IValidator<>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithSingletonLifetime());

        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(RateLimitBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(CachingBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(RagContextBehavior<,>));

        services.AddScoped<RagContext>();
        services.AddScoped<RateLimitState>();
        services.AddSingleton<TopicNamespaceRouter>();
        services.AddSingleton<ExerciseMatchCache>();
        services.AddSingleton<LeaderboardUpdater>();
        services.AddSingleton<WorkoutRecorder>();
        services.AddSingleton<VoiceTranscriptReader>();
        services.AddSingleton<UserContextProvider>();
        services.AddSingleton<OfflineCoachComposer>();
        services.AddSingleton<CoachAnswerCache>();

        var mapping = TypeAdapterConfig.GlobalSettings;
        mapping.Scan(typeof(ApplicationAssembly).Assembly);
        services.AddSingleton(mapping);
        return services;
    }
}

/// <summary>Marks this assembly for scanning.</summary>
public sealed class ApplicationAssembly;
