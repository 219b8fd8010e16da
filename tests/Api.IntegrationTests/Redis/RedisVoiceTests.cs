using System.Net;
using System.Net.Http.Json;
using FitCoach.Testing;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Redis;

/// <summary>Voice logging on Redis: sessions survive an API restart and follow the user across instances.</summary>
public sealed class RedisVoiceSessionTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoggedSession_SurvivesAnApiRestartWithItsSets()
    {
        var userId = ApiFactory.NewUserId();
        string sessionId;
        using (var before = ApiFactory.WithRedis(redis.ConnectionString))
        {
            var client = await before.ClientForAsync(userId, "unlimited");
            sessionId = (await (await VoiceTests.LogAsync(client, "squats 3 sets of 5 at 120 kg")).JsonAsync()).GetProperty("sessionId").GetString()!;
        }

        using var after = ApiFactory.WithRedis(redis.ConnectionString);
        var again = await after.ClientForAsync(userId, "unlimited");
        var active = await (await again.GetAsync("/api/sessions/active", Cancel)).JsonAsync();

        Assert.Equal(sessionId, active.GetProperty("id").GetString());
        var sets = active.GetProperty("exercises")[0].GetProperty("sets");
        Assert.Equal(3, sets.GetArrayLength());
        Assert.Equal(120, sets[0].GetProperty("weight").GetDouble());
    }

    [Fact]
    public async Task SecondInstance_SeesTheSameSessionAndSharesTheVoiceLimit()
    {
        using var first = ApiFactory.WithRedis(redis.ConnectionString);
        using var second = ApiFactory.WithRedis(redis.ConnectionString);
        var userId = ApiFactory.NewUserId();
        var a = await first.ClientForAsync(userId, "free");
        var b = await second.ClientForAsync(userId, "free");

        var logged = await (await VoiceTests.LogAsync(a, "bench 100 kg for 5")).JsonAsync();
        var seen = await (await b.GetAsync("/api/sessions/active", Cancel)).JsonAsync();
        Assert.Equal(logged.GetProperty("sessionId").GetString(), seen.GetProperty("id").GetString());

        // One call used on A; 19 more across both instances fill the free tier's 20 per minute.
        for (var i = 0; i < 19; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await VoiceTests.ParseAsync(i % 2 == 0 ? b : a, "curls 20 kg for 10")).StatusCode);
        }

        await (await VoiceTests.ParseAsync(b, "curls 20 kg for 10")).ProblemAsync(429);
        await (await VoiceTests.ParseAsync(a, "curls 20 kg for 10")).ProblemAsync(429);
    }
}
