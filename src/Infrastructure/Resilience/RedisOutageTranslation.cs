using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Exercises;
using StackExchange.Redis;

namespace FitCoach.Infrastructure.Resilience;

/// <summary>
/// Turns Redis connection failures and timeouts into <see cref="DependencyUnavailableException"/>, which the
/// application understands (a read can degrade; a write answers 503) without knowing Redis exists.
/// </summary>
internal static class RedisOutage
{
    public const string Message = "Storage (Redis) is unreachable, so this change was not saved. Retry in a few seconds.";

    public static async Task<T> TranslateAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException or ObjectDisposedException)
        {
            throw new DependencyUnavailableException("redis", Message, ex);
        }
    }

    public static Task TranslateAsync(Func<Task> call) =>
        TranslateAsync(async () =>
        {
            await call();
            return true;
        });
}

public sealed class OutageTranslatingCustomExerciseStore(ICustomExerciseStore inner) : ICustomExerciseStore
{
    public Task<IReadOnlyList<Exercise>> ListAsync(string userId, CancellationToken cancellationToken) =>
        RedisOutage.TranslateAsync(() => inner.ListAsync(userId, cancellationToken));

    public Task SaveAsync(string userId, Exercise exercise, CancellationToken cancellationToken) =>
        RedisOutage.TranslateAsync(() => inner.SaveAsync(userId, exercise, cancellationToken));
}
