using FitCoach.Application.Common.Behaviors;
using FitCoach.Application.Common.Rag;
using FitCoach.Application.Common.RateLimiting;
using FitCoach.Application.Common.UserContext;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Application.Features.Exercises.CreateOrMatch;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Application.Features.Exercises.Search;
using FitCoach.Application.Features.Leaderboards;
using FitCoach.Application.Features.Voice;
using FitCoach.Application.Features.Voice.Parsing;
using FitCoach.Application.Features.Workouts.Recording;
using FitCoach.Application.Common.Ports;
using FluentValidation;
using Mapster;
using MapsterMapper;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FitCoach.Application;

public static class DependencyInjection
{
    /// <summary>The pipeline behaviors in the order they wrap a request (the first is outermost).</summary>
    public static readonly IReadOnlyList<Type> BehaviorOrder =
    [
        typeof(LoggingBehavior<,>),
        typeof(RateLimitBehavior<,>),
        typeof(ValidationBehavior<,>),
        typeof(CachingBehavior<,>),
        typeof(RagContextBehavior<,>),
    ];

    /// <summary>
    /// How long each behavior lives: the stateless ones (their dependencies are singletons) once per process, so a
    /// request does not build them again; the ones that read the caller or fill a per-request context, per scope.
    /// </summary>
    public static readonly IReadOnlyDictionary<Type, ServiceLifetime> BehaviorLifetimes = new Dictionary<Type, ServiceLifetime>
    {
        [typeof(LoggingBehavior<,>)] = ServiceLifetime.Singleton,
        [typeof(RateLimitBehavior<,>)] = ServiceLifetime.Scoped,
        [typeof(ValidationBehavior<,>)] = ServiceLifetime.Singleton,
        [typeof(CachingBehavior<,>)] = ServiceLifetime.Singleton,
        [typeof(RagContextBehavior<,>)] = ServiceLifetime.Scoped,
    };

    /// <summary>
    /// Everything Application registers, and nothing registers it elsewhere: MediatR 5.1 (see
    /// docs/decisions/0001-mediatr-5.md) with handlers, notification handlers and validators by Scrutor scan; the
    /// pipeline behaviors explicitly, because their order is the design (<see cref="BehaviorOrder"/>); the shared
    /// services handlers inject (matcher, parser, retriever, recorder, caches); the options it reads; and the Mapster
    /// configuration (every <see cref="IRegister"/> in this assembly) behind <see cref="IMapper"/>. The ports are
    /// Infrastructure's to register; the catalog comes from there, the matcher over it from here.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.TryAddSingleton(TimeProvider.System);

        services.Scan(scan => scan
            .FromAssemblyOf<ApplicationAssembly>()
            .AddClasses(classes => classes.AssignableTo(typeof(IRequestHandler<,>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithTransientLifetime()
            .AddClasses(classes => classes.AssignableTo(typeof(INotificationHandler<>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithTransientLifetime()
            .AddClasses(classes => classes.AssignableTo(typeof(IValidator<>)), publicOnly: false)
            .AsImplementedInterfaces()
            .WithSingletonLifetime());

        foreach (var behavior in BehaviorOrder)
        {
            services.Add(new ServiceDescriptor(typeof(IPipelineBehavior<,>), behavior, BehaviorLifetimes[behavior]));
        }

        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .Validate(o => !o.Problems().Any(), "RateLimiting configuration is incomplete: every contract group needs a window and free and premium limits.")
            .ValidateOnStart();

        services.AddOptions<LeaderboardOptions>().BindConfiguration(LeaderboardOptions.Section);
        services.AddSingleton<LeaderboardIdentity>();

        services.AddScoped<RagContext>();
        services.AddScoped<RateLimitState>();
        services.AddSingleton(provider => new ExerciseMatcher(provider.GetRequiredService<IExerciseCatalog>().All));
        services.AddSingleton(provider => new FitCoach.Domain.Exercises.SubstitutionEngine(provider.GetRequiredService<IExerciseCatalog>().All));
        services.AddSingleton<TranscriptParser>();
        services.AddSingleton<FitCoach.Application.Features.Exercises.ExerciseLookup>();
        services.AddSingleton<CustomExerciseMatchers>();
        services.AddSingleton<TopicNamespaceRouter>();
        services.AddSingleton<KnowledgeRetriever>();
        services.AddSingleton<ExerciseMatchCache>();
        services.AddSingleton<ExerciseMeaningMatcher>();
        services.AddSingleton<CatalogSearch>();
        services.AddScoped<WorkoutRecorder>();
        services.AddSingleton<VoiceTranscriptReader>();
        services.AddSingleton<UserContextProvider>();
        services.AddSingleton<OfflineCoachComposer>();
        services.AddSingleton<CoachAnswerCache>();
        services.AddSingleton<ICoachAnswerWriter, CoachAnswerWriter>();

        services.AddSingleton(MappingConfiguration());
        services.AddSingleton<IMapper>(provider => new Mapper(provider.GetRequiredService<TypeAdapterConfig>()));
        return services;
    }

    /// <summary>Every <see cref="IRegister"/> of this assembly in a configuration of its own (not Mapster's global one).</summary>
    public static TypeAdapterConfig MappingConfiguration()
    {
        var config = new TypeAdapterConfig();
        config.Scan(typeof(ApplicationAssembly).Assembly);
        return config;
    }
}

/// <summary>Marks this assembly for scanning.</summary>
public sealed class ApplicationAssembly;
