using NetArchTest.Rules;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

/// <summary>Dependencies point inward only: Api → Application ← Infrastructure; Domain depends on nothing.</summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Domain = typeof(FitCoach.Domain.Exercises.Exercise).Assembly;
    private static readonly System.Reflection.Assembly Application = typeof(FitCoach.Application.ApplicationAssembly).Assembly;

    [Fact]
    public void Domain_DependsOnNoOtherLayerOrFramework()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("FitCoach.Application", "FitCoach.Infrastructure", "FitCoach.Api", "MediatR", "Microsoft.AspNetCore", "StackExchange.Redis")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Application_DoesNotDependOnInfrastructureApiOrAdapters()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("FitCoach.Infrastructure", "FitCoach.Api", "Microsoft.AspNetCore", "StackExchange.Redis", "Prometheus")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Handlers_LiveInApplicationFeatures()
    {
        var result = Types.InAssembly(Application).That().ImplementInterface(typeof(MediatR.IRequestHandler<,>))
            .Should().ResideInNamespaceStartingWith("FitCoach.Application.Features")
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void EveryFileUnderFeatures_ImplementsAtMostOneRequestHandler()
    {
        var crowded = SourceFiles("src/Application/Features")
            .Select(file => (file, handlers: System.Text.RegularExpressions.Regex.Count(File.ReadAllText(file), @"\bIRequestHandler<")))
            .Where(f => f.handlers > 1)
            .Select(f => $"{Path.GetRelativePath(RepositoryFiles.Root, f.file)} ({f.handlers})")
            .ToList();

        Assert.True(crowded.Count == 0, "One use case per file: " + string.Join(", ", crowded));
    }

    [Fact]
    public void Application_NeverSendsARequestFromInside()
    {
        var senders = SourceFiles("src/Application")
            .Where(file => File.ReadAllText(file).Contains(".Send(", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(RepositoryFiles.Root, file))
            .ToList();

        Assert.True(senders.Count == 0, "Only controllers send; inject a service instead: " + string.Join(", ", senders));
    }

    [Fact]
    public void ApplicationAndInfrastructure_ReadTimeOnlyThroughTimeProvider()
    {
        var wallClock = SourceFiles("src/Application").Concat(SourceFiles("src/Infrastructure"))
            .Where(file => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(file), @"\bDateTime(Offset)?\.(UtcNow|Now)\b"))
            .Select(file => Path.GetRelativePath(RepositoryFiles.Root, file))
            .ToList();

        Assert.True(wallClock.Count == 0, "Use TimeProvider: " + string.Join(", ", wallClock));
    }

    [Fact]
    public void AddApplication_RegistersTheBehaviorsInTheDesignedOrder()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();

        FitCoach.Application.DependencyInjection.AddApplication(services);

        var behaviors = services
            .Where(d => d.ServiceType == typeof(MediatR.IPipelineBehavior<,>))
            .Select(d => d.ImplementationType!.Name.Split('`')[0])
            .ToList();
        Assert.Equal(["LoggingBehavior", "RateLimitBehavior", "ValidationBehavior", "CachingBehavior", "RagContextBehavior"], behaviors);
    }

    [Fact]
    public void StatelessBehaviors_AreBuiltOnce_AndThoseReadingTheRequestScope_PerRequest()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        FitCoach.Application.DependencyInjection.AddApplication(services);

        var lifetimes = services
            .Where(d => d.ServiceType == typeof(MediatR.IPipelineBehavior<,>))
            .ToDictionary(d => d.ImplementationType!.Name.Split('`')[0], d => d.Lifetime);
        Assert.Equal(Microsoft.Extensions.DependencyInjection.ServiceLifetime.Singleton, lifetimes["LoggingBehavior"]);
        Assert.Equal(Microsoft.Extensions.DependencyInjection.ServiceLifetime.Singleton, lifetimes["ValidationBehavior"]);
        Assert.Equal(Microsoft.Extensions.DependencyInjection.ServiceLifetime.Singleton, lifetimes["CachingBehavior"]);
        Assert.Equal(Microsoft.Extensions.DependencyInjection.ServiceLifetime.Scoped, lifetimes["RateLimitBehavior"]);
        Assert.Equal(Microsoft.Extensions.DependencyInjection.ServiceLifetime.Scoped, lifetimes["RagContextBehavior"]);
    }

    [Fact]
    public void AddApplication_RegistersEveryHandler_NotificationHandler_AndTheServicesTheyNeed()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        FitCoach.Application.DependencyInjection.AddApplication(services);

        var handlerTypes = Application.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.IsGenericType &&
                (i.GetGenericTypeDefinition() == typeof(MediatR.IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(MediatR.INotificationHandler<>))))
            .ToList();

        Assert.NotEmpty(handlerTypes);
        Assert.All(handlerTypes, t => Assert.Contains(services, d => d.ImplementationType == t));
        Assert.Contains(services, d => d.ServiceType == typeof(FitCoach.Application.Features.Exercises.Matching.ExerciseMatcher));
        Assert.Contains(services, d => d.ServiceType == typeof(FitCoach.Application.Features.Voice.Parsing.TranscriptParser));
        Assert.Contains(services, d => d.ServiceType == typeof(MapsterMapper.IMapper));
    }

    [Theory]
    [InlineData(typeof(FitCoach.Application.Features.Workouts.Recording.WorkoutRecorded), new[] { "LeaderboardProjection", "InvalidateUserContextOnWorkout" })]
    [InlineData(typeof(FitCoach.Application.Features.Profiles.ProfileSaved), new[] { "LeaderboardDisplayNameProjection", "InvalidateUserContextOnProfileSaved" })]
    public void AddApplication_RegistersTheHandlersOfEachWriteNotification(Type notification, string[] handlers)
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        FitCoach.Application.DependencyInjection.AddApplication(services);

        var registered = services
            .Where(d => d.ServiceType == typeof(MediatR.INotificationHandler<>).MakeGenericType(notification))
            .Select(d => d.ImplementationType!.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(handlers.Order(StringComparer.Ordinal), registered);
    }

    [Fact]
    public void UserContexts_AreDroppedOnlyByNotificationHandlers_NeverInsideAWriteHandler()
    {
        var callers = SourceFiles("src/Application")
            .Where(file => File.ReadAllText(file).Contains(".InvalidateAsync(", StringComparison.Ordinal))
            .Where(file => !System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(file), @"\bINotificationHandler<"))
            .Select(file => Path.GetRelativePath(RepositoryFiles.Root, file))
            .ToList();

        Assert.True(callers.Count == 0, "Side effects of a write are notifications: " + string.Join(", ", callers));
    }

    [Fact]
    public void MappingConfiguration_CompilesEveryMapping()
    {
        var config = FitCoach.Application.DependencyInjection.MappingConfiguration();

        config.Compile();

        Assert.True(config.RuleMap.Count >= 6, $"Only {config.RuleMap.Count} mappings registered.");
    }

    private static IEnumerable<string> SourceFiles(string relative) =>
        Directory.EnumerateFiles(RepositoryFiles.PathOf(relative), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
}
