using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

/// <summary>
/// The frame every port's contract suite shares: a fresh implementation per test from <see cref="CreateAsync"/>,
/// and whatever the implementation needs (a Redis connection) disposed after the test via <see cref="Own{T}"/>.
/// </summary>
public abstract class PortContract<TPort> : IAsyncLifetime
    where TPort : class
{
    private readonly List<IAsyncDisposable> _owned = [];
    private TPort? _port;

    protected TPort Port => _port ?? throw new InvalidOperationException("Not initialized.");

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Creates the implementation under test; called before each test.</summary>
    protected abstract ValueTask<TPort> CreateAsync();

    /// <summary>Disposes <paramref name="resource"/> when the test ends.</summary>
    protected T Own<T>(T resource)
        where T : IAsyncDisposable
    {
        _owned.Add(resource);
        return resource;
    }

    public virtual async ValueTask InitializeAsync() => _port = await CreateAsync();

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var resource in _owned)
        {
            await resource.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
