using FitCoach.Application.Common.Behaviors;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using Xunit;

namespace FitCoach.Application.UnitTests.Behaviors;

public sealed class LoggingBehaviorTests
{
    private readonly IAppMetrics _metrics = Substitute.For<IAppMetrics>();
    private readonly LoggingBehavior<PlainCommand, string> _behavior;

    public LoggingBehaviorTests() =>
        _behavior = new LoggingBehavior<PlainCommand, string>(NullLogger<LoggingBehavior<PlainCommand, string>>.Instance, _metrics);

    [Fact]
    public async Task Handle_WhenHandlerSucceeds_RecordsOkLatencyAndReturnsResponse()
    {
        var result = await _behavior.Handle(new PlainCommand("x"), TestContext.Current.CancellationToken, () => Task.FromResult("done"));

        Assert.Equal("done", result);
        _metrics.Received(1).RequestHandled(nameof(PlainCommand), "ok", Arg.Any<TimeSpan>());
    }

    [Fact]
    public async Task Handle_WhenExpectedFailure_RecordsStatusAndRethrows()
    {
        await Assert.ThrowsAsync<NotFoundException>(() =>
            _behavior.Handle(new PlainCommand("x"), TestContext.Current.CancellationToken, () => throw new NotFoundException("Exercise", "nope")));

        _metrics.Received(1).RequestHandled(nameof(PlainCommand), "404", Arg.Any<TimeSpan>());
    }

    [Fact]
    public async Task Handle_WhenADependencyIsDown_RecordsItsStatusAndRethrows()
    {
        await Assert.ThrowsAsync<DependencyUnavailableException>(() =>
            _behavior.Handle(new PlainCommand("x"), TestContext.Current.CancellationToken, () => throw new DependencyUnavailableException("redis", "down")));

        _metrics.Received(1).RequestHandled(nameof(PlainCommand), "503", Arg.Any<TimeSpan>());
    }

    [Fact]
    public async Task Handle_WhenUnexpectedFailure_RecordsErrorAndRethrows()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _behavior.Handle(new PlainCommand("x"), TestContext.Current.CancellationToken, () => throw new InvalidOperationException("boom")));

        _metrics.Received(1).RequestHandled(nameof(PlainCommand), "error", Arg.Any<TimeSpan>());
    }
}
