using System.Text.Json;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Profiles;
using StackExchange.Redis;

namespace FitCoach.Infrastructure.Redis;

/// <summary>One JSON string per user; a profile is the user's own data, so it never expires.</summary>
public sealed class RedisProfileStore(IConnectionMultiplexer redis) : IProfileStore
{
    public async Task<UserProfile?> GetAsync(string userId, CancellationToken cancellationToken)
    {
        var value = await redis.GetDatabase().StringGetAsync(RedisKeys.Profile(userId)).WaitAsync(cancellationToken);
        return value.IsNull ? null : JsonSerializer.Deserialize((byte[])value!, StoreJsonContext.Default.UserProfile);
    }

    public Task SaveAsync(string userId, UserProfile profile, CancellationToken cancellationToken) =>
        redis.GetDatabase()
            .StringSetAsync(RedisKeys.Profile(userId), JsonSerializer.SerializeToUtf8Bytes(profile, StoreJsonContext.Default.UserProfile))
            .WaitAsync(cancellationToken);
}
