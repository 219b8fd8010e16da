using FitCoach.Infrastructure.Redis;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Redis;

/// <summary>
/// The rate-limit key is "user id:group" inside a Redis Cluster hash tag. The tag must hold the whole key, or a user
/// id with a '}' ends it early and different users' limits share a tag (and a cluster slot, and whatever else keys
/// by that tag).
/// </summary>
public sealed class RateLimitKeyTests
{
    [Theory]
    [InlineData("a}", "a}b")]
    [InlineData("a}", "a")]
    [InlineData("x}:coach", "x")]
    [InlineData("%7D", "}")]
    public void RateLimit_ForUserIdsWithBraces_NeverShareAHashTagWithAnotherUser(string userId, string otherUserId)
    {
        foreach (var group in new[] { "coach", "voice" })
        {
            var key = RedisKeys.RateLimit($"{userId}:{group}").ToString();
            var other = RedisKeys.RateLimit($"{otherUserId}:{group}").ToString();

            Assert.NotEqual(HashTag(key), HashTag(other));
            Assert.EndsWith("}", key, StringComparison.Ordinal);
            Assert.Equal(key.Length - 1, key.IndexOf('}', StringComparison.Ordinal));
        }
    }

    [Fact]
    public void RateLimit_ForOrdinaryKeys_IsUnchanged()
    {
        Assert.Equal("fitcoach:{rl:user-42:coach}", RedisKeys.RateLimit("user-42:coach").ToString());
    }

    // What Redis Cluster hashes: the text between the first '{' and the first '}' after it, when that is not empty.
    private static string HashTag(string key)
    {
        var open = key.IndexOf('{', StringComparison.Ordinal);
        var close = open < 0 ? -1 : key.IndexOf('}', open + 1);
        return close > open + 1 ? key[(open + 1)..close] : key;
    }
}
