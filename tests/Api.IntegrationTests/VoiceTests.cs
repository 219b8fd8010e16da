using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

public sealed class VoiceTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static Task<HttpResponseMessage> ParseAsync(HttpClient client, string transcript, string? defaultUnit = null) =>
        client.PostAsJsonAsync("/api/voice/parse", new { transcript, defaultUnit }, Cancel);

    internal static Task<HttpResponseMessage> LogAsync(HttpClient client, string transcript, string? sessionId = null) =>
        client.PostAsJsonAsync("/api/voice/log", new { transcript, sessionId }, Cancel);

    [Fact]
    public async Task Parse_ReadsSetsRepsWeightUnitAndRpe()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var parsed = await (await ParseAsync(client, "Bench press, 3 sets of 8 reps at 185 pounds, RPE 7")).JsonAsync();

        Assert.Equal("rules", parsed.GetProperty("parser").GetString());
        var exercise = Assert.Single(parsed.GetProperty("exercises").EnumerateArray());
        Assert.Equal("Barbell_Bench_Press_-_Medium_Grip", exercise.GetProperty("exerciseId").GetString());
        var sets = exercise.GetProperty("sets").EnumerateArray().ToList();
        Assert.Equal(3, sets.Count);
        Assert.All(sets, s =>
        {
            Assert.Equal(8, s.GetProperty("reps").GetInt32());
            Assert.Equal(185, s.GetProperty("weight").GetDouble());
            Assert.Equal("lb", s.GetProperty("unit").GetString());
            Assert.Equal(7, s.GetProperty("rpe").GetDouble());
        });
    }

    [Fact]
    public async Task Parse_UsesTheDefaultUnitWhenNoneIsSaid_AndStoresNothing()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var parsed = await (await ParseAsync(client, "squats 100 for 5", "lb")).JsonAsync();

        Assert.Equal("lb", parsed.GetProperty("exercises")[0].GetProperty("sets")[0].GetProperty("unit").GetString());
        await (await client.GetAsync("/api/sessions/active", Cancel)).ProblemAsync(404);
    }

    [Fact]
    public async Task Parse_WithoutDefaultUnit_UsesTheProfileUnit()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");
        await (await client.PutAsJsonAsync("/api/users/me/profile", new { unit = "lb" }, Cancel)).JsonAsync();

        var parsed = await (await ParseAsync(client, "squats 225 for 5")).JsonAsync();
        var overridden = await (await ParseAsync(client, "squats 100 for 5", "kg")).JsonAsync();

        Assert.Equal("lb", parsed.GetProperty("exercises")[0].GetProperty("sets")[0].GetProperty("unit").GetString());
        Assert.Equal("kg", overridden.GetProperty("exercises")[0].GetProperty("sets")[0].GetProperty("unit").GetString());
    }

    [Theory]
    [InlineData("a 5000 kg squat for 3")]
    [InlineData("1000 reps of curls")]
    public async Task Parse_WithAbsurdNumbers_PutsThemInUnparsedAndMakesNoSet(string transcript)
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var parsed = await (await ParseAsync(client, transcript)).JsonAsync();

        Assert.DoesNotContain(parsed.GetProperty("exercises").EnumerateArray(), e => e.GetProperty("sets").GetArrayLength() > 0);
        Assert.NotEqual(0, parsed.GetProperty("unparsed").GetArrayLength());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Parse_WithEmptyTranscript_Is400(string transcript)
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var errors = (await (await ParseAsync(client, transcript)).ProblemAsync(400)).GetProperty("errors");

        Assert.True(errors.TryGetProperty("transcript", out _));
    }

    [Fact]
    public async Task Parse_With10kBTranscript_Is400NotA500()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var errors = (await (await ParseAsync(client, string.Concat(Enumerable.Repeat("bench 100 for 5 then ", 500)))).ProblemAsync(400)).GetProperty("errors");

        Assert.True(errors.TryGetProperty("transcript", out _));
    }

    [Fact]
    public async Task Parse_WithBadDefaultUnit_Is400()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var errors = (await (await ParseAsync(client, "bench 100 for 5", "stone")).ProblemAsync(400)).GetProperty("errors");

        Assert.True(errors.TryGetProperty("defaultUnit", out _));
    }

    [Fact]
    public async Task Log_WithoutAnActiveSession_StartsOneAndAppendsToItAfterwards()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var first = await (await LogAsync(client, "squats 3x5 at 100 kg")).JsonAsync();
        var second = await (await LogAsync(client, "then romanian deadlift 2 sets of 8 at 80 kg")).JsonAsync();

        Assert.Equal(first.GetProperty("sessionId").GetString(), second.GetProperty("sessionId").GetString());
        var session = second.GetProperty("session");
        Assert.Equal(2, session.GetProperty("exercises").GetArrayLength());
        Assert.Equal(5, session.GetProperty("exercises").EnumerateArray().Sum(e => e.GetProperty("sets").GetArrayLength()));
    }

    [Fact]
    public async Task Log_FromTwoDevicesInParallel_NeverLosesASet()
    {
        var userId = ApiFactory.NewUserId();
        var phone = await factory.ClientForAsync(userId, "unlimited");
        var watch = await factory.ClientForAsync(userId, "unlimited");
        var sessionId = (await (await phone.PostAsJsonAsync("/api/sessions", new { }, Cancel)).JsonAsync()).GetProperty("id").GetString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => LogAsync(i % 2 == 0 ? phone : watch, "curls 20 kg for 12")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var session = await (await phone.GetAsync($"/api/sessions/{sessionId}", Cancel)).JsonAsync();
        Assert.Equal(20, session.GetProperty("exercises").GetArrayLength());
    }

    [Fact]
    public async Task Log_Nonsense_Is400AndStartsNoSession()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        await (await LogAsync(client, "asdf qwerty zxcv")).ProblemAsync(400);

        await (await client.GetAsync("/api/sessions/active", Cancel)).ProblemAsync(404);
    }

    [Fact]
    public async Task LoggedSession_FinishesIntoHistoryWithVolume()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "unlimited");
        var logged = await (await LogAsync(client, "bench press 3 sets of 5 at 100 kg")).JsonAsync();

        var finished = await (await client.PostAsJsonAsync($"/api/sessions/{logged.GetProperty("sessionId").GetString()}/finish", new { }, Cancel)).JsonAsync();

        var summary = finished.GetProperty("summary");
        Assert.Equal(3, summary.GetProperty("totalSets").GetInt32());
        Assert.Equal(1500, summary.GetProperty("totalVolumeKg").GetDouble());
        Assert.Equal(1, summary.GetProperty("personalRecords").GetArrayLength());
    }

    [Fact]
    public async Task Voice_FreeTierIsLimitedTo20PerMinute()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId(), "free");
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ParseAsync(client, "bench 100 for 5")).StatusCode);
        }

        var rejected = await ParseAsync(client, "bench 100 for 5");

        await rejected.ProblemAsync(429);
        Assert.Equal("\"voice\";q=20;w=60", rejected.Headers.GetValues("RateLimit-Policy").Single());
    }
}
