using FitCoach.Application.Common.Behaviors;
using FitCoach.Application.Common.Ports;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Xunit;

namespace FitCoach.Application.UnitTests.Behaviors;

public sealed class CachingBehaviorTests
{
    private readonly IAppMetrics _metrics = Substitute.For<IAppMetrics>();
    private readonly HybridCache _cache;
    private int _handlerCalls;

    public CachingBehaviorTests()
    {
        var services = new ServiceCollection();
        services.AddHybridCache();
        _cache = services.BuildServiceProvider().GetRequiredService<HybridCache>();
    }

    private Task<CachedAnswer> Send<TRequest>(TRequest request, HybridCache? cache = null)
        where TRequest : notnull =>
        new CachingBehavior<TRequest, CachedAnswer>(cache ?? _cache, _metrics, NullLogger<CachingBehavior<TRequest, CachedAnswer>>.Instance)
            .Handle(request, TestContext.Current.CancellationToken, () => Task.FromResult(new CachedAnswer(++_handlerCalls)));

    [Fact]
    public async Task Handle_WhenQueryRepeats_ServesTheSecondFromCacheAndCountsHitAndMiss()
    {
        var first = await Send(new CachedQuery("a"));
        var second = await Send(new CachedQuery("a"));

        Assert.Equal(1, first.Calls);
        Assert.Equal(1, second.Calls);
        Assert.Equal(1, _handlerCalls);
        _metrics.Received(1).CacheMiss("test");
        _metrics.Received(1).CacheHit("test");
    }

    [Fact]
    public async Task Handle_WhenKeysDiffer_CallsTheHandlerForEach()
    {
        await Send(new CachedQuery("a"));
        await Send(new CachedQuery("b"));

        Assert.Equal(2, _handlerCalls);
    }

    [Fact]
    public async Task Handle_WhenTagIsRemoved_CallsTheHandlerAgain()
    {
        await Send(new CachedQuery("a"));
        await _cache.RemoveByTagAsync("tag:test", TestContext.Current.CancellationToken);
        await Send(new CachedQuery("a"));

        Assert.Equal(2, _handlerCalls);
    }

    [Fact]
    public async Task Handle_WhenRequestIsACommand_NeverCaches()
    {
        await Send(new CacheableCommand("a"));
        await Send(new CacheableCommand("a"));

        Assert.Equal(2, _handlerCalls);
        _metrics.DidNotReceiveWithAnyArgs().CacheHit(default!);
    }

    [Fact]
    public async Task Handle_WhenHandlerThrows_PropagatesAndDoesNotCacheTheFailure()
    {
        var behavior = new CachingBehavior<CachedQuery, CachedAnswer>(_cache, _metrics, NullLogger<CachingBehavior<CachedQuery, CachedAnswer>>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            behavior.Handle(new CachedQuery("x"), TestContext.Current.CancellationToken, () => throw new InvalidOperationException("boom")));
        var answer = await Send(new CachedQuery("x"));

        Assert.Equal(1, answer.Calls);
    }

    [Fact]
    public async Task Handle_WhenTheCacheFails_AnswersFromTheHandlerAndCountsTheError()
    {
        var broken = Substitute.For<HybridCache>();
        broken.GetOrCreateAsync(
                Arg.Any<string>(),
                Arg.Any<Func<CancellationToken, ValueTask<CachedAnswer>>>(),
                Arg.Any<Func<Func<CancellationToken, ValueTask<CachedAnswer>>, CancellationToken, ValueTask<CachedAnswer>>>(),
                Arg.Any<HybridCacheEntryOptions?>(),
                Arg.Any<IEnumerable<string>?>(),
                Arg.Any<CancellationToken>())
            .ThrowsAsync(new TimeoutException("redis timed out"));

        var answer = await Send(new CachedQuery("a"), broken);

        Assert.Equal(1, answer.Calls);
        _metrics.Received(1).CacheError("test");
    }
}
