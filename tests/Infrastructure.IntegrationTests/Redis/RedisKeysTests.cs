using FitCoach.Infrastructure.Redis;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Redis;

public sealed class RedisKeysTests
{
    [Fact]
    public void Keys_PutTheOwnerInTheHashTag()
    {
        Assert.Equal("fitcoach:{user:42}:session:abc", RedisKeys.Session("42", "abc").ToString());
        Assert.Equal("fitcoach:{user:42}:session:abc:entries", RedisKeys.SessionEntries("42", "abc").ToString());
        Assert.Equal("fitcoach:{user:42}:session:active", RedisKeys.ActiveSession("42").ToString());
        Assert.Equal("fitcoach:{user:42}:exercises", RedisKeys.CustomExercises("42").ToString());
        Assert.Equal("fitcoach:{rl:ip:10.0.0.1}", RedisKeys.RateLimit("ip:10.0.0.1").ToString());
        Assert.Equal("fitcoach:{lb:volume:2026-W02}", RedisKeys.Leaderboard("volume:2026-W02").ToString());
    }

    [Fact]
    public void Keys_ForAUserIdWithBraces_EscapeThemSoTheIdCannotEndTheTagEarly()
    {
        // Unescaped, "a}:exercises" would make "fitcoach:{user:a}:exercises}:exercises", tagged "user:a".
        Assert.Equal("fitcoach:{user:a%7D:exercises}:exercises", RedisKeys.CustomExercises("a}:exercises").ToString());
        Assert.Equal("fitcoach:{user:%7Bx%25}:exercises", RedisKeys.CustomExercises("{x%").ToString());
        Assert.NotEqual(RedisKeys.CustomExercises("%7D").ToString(), RedisKeys.CustomExercises("}").ToString());
    }
}
