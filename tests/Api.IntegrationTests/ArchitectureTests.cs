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
}
