using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FitCoach.Infrastructure.IntegrationTests.Model;
using FitCoach.Testing;
using StackExchange.Redis;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Coach;

/// <summary><c>POST /api/coach/ask</c> offline (no model): grounded, cited, personalised, cached, conversational.</summary>
public sealed class CoachTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static async Task<JsonElement> AskAsync(HttpClient client, string question, string? conversationId = null) =>
        await (await client.PostAsJsonAsync("/api/coach/ask", new { question, conversationId }, Cancel)).JsonAsync();

    [Fact]
    public async Task Ask_AnswersFromTheKnowledgeBase_CitingSources()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var answer = await AskAsync(client, "How much protein do I need per day to build muscle?");

        var text = answer.GetProperty("answer").GetString()!;
        var sources = answer.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal("offline", answer.GetProperty("model").GetString());
        Assert.False(answer.GetProperty("cached").GetBoolean());
        Assert.InRange(sources.Count, 1, 5);
        Assert.Contains(sources.Take(3), s => s.GetProperty("namespace").GetString() is "nutrition" or "nutrition-and-supplementation");
        Assert.All(sources, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("id").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(s.GetProperty("snippet").GetString()));
            Assert.InRange(s.GetProperty("score").GetDouble(), 0, 1);
        });
        Assert.Contains("[1]", text, StringComparison.Ordinal);
        Assert.Contains("g/kg", text, StringComparison.Ordinal); // the evidence's actual number, not filler
        Assert.Contains("Morton", text, StringComparison.Ordinal); // the study it rests on
        var namespaces = answer.GetProperty("namespaces").EnumerateArray().Select(n => n.GetString()).ToList();
        Assert.InRange(namespaces.Count, 10, 15);
        Assert.Contains("nutrition", namespaces);
        Assert.StartsWith("c_", answer.GetProperty("conversationId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_RepeatedOrReworded_IsServedFromTheCache()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var first = await AskAsync(client, "How long does DOMS last?");
        var again = await AskAsync(client, "how long does doms last");
        var reworded = await AskAsync(client, "DOMS: how long does it last??");
        var spelledOut = await AskAsync(client, "coach, how long does delayed onset muscle soreness last? thanks");

        Assert.False(first.GetProperty("cached").GetBoolean());
        Assert.True(again.GetProperty("cached").GetBoolean());
        Assert.True(reworded.GetProperty("cached").GetBoolean());
        Assert.True(spelledOut.GetProperty("cached").GetBoolean()); // the abbreviation's synonym group, filler dropped
        Assert.Equal(first.GetProperty("answer").GetString(), again.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Ask_DifferentMeaning_IsNotServedFromTheCache()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        await AskAsync(client, "Should I stretch before lifting?");
        var after = await AskAsync(client, "Should I stretch after lifting?");

        Assert.False(after.GetProperty("cached").GetBoolean());
    }

    [Fact]
    public async Task Ask_UsesTheProfile_AndAProfileChangeStartsAFreshAnswer()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");
        const string question = "How much protein should I eat every day to gain muscle?";
        var before = await AskAsync(client, question);

        var put = await client.PutAsJsonAsync("/api/users/me/profile", new { weightKg = 80, goals = new[] { "hypertrophy" }, experience = "beginner" }, Cancel);
        put.EnsureSuccessStatusCode();
        var after = await AskAsync(client, question);

        Assert.False(after.GetProperty("cached").GetBoolean());
        var text = after.GetProperty("answer").GetString()!;
        Assert.Contains("80 kg", text, StringComparison.Ordinal);
        Assert.Matches(@"roughly \d+(–\d+)? g", text); // g/kg turned into this user's grams
        Assert.NotEqual(before.GetProperty("answer").GetString(), text);
    }

    [Fact]
    public async Task Ask_AfterFinishingAWorkout_SeesTheNewTraining()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");
        const string question = "Am I doing enough training volume to make progress?";
        var before = (await AskAsync(client, question)).GetProperty("answer").GetString()!;

        var session = await (await client.PostAsJsonAsync("/api/sessions", new { name = "Legs" }, Cancel)).JsonAsync();
        var id = session.GetProperty("id").GetString();
        await (await client.PostAsJsonAsync("/api/voice/log", new { transcript = "squat 3 sets of 5 at 100 kg", sessionId = id }, Cancel)).JsonAsync();
        await (await client.PostAsJsonAsync($"/api/sessions/{id}/finish", new { sessionRpe = 8 }, Cancel)).JsonAsync();
        var after = await AskAsync(client, question);

        Assert.Contains("no workouts logged", before, StringComparison.Ordinal);
        Assert.False(after.GetProperty("cached").GetBoolean());
        Assert.Contains("Your log shows 1 workouts", after.GetProperty("answer").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WithConversationId_ContinuesTheConversation()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");
        var first = await AskAsync(client, "How often should I deload?");
        var conversation = first.GetProperty("conversationId").GetString();

        var followUp = await AskAsync(client, "And what should that week look like?", conversation);

        Assert.Equal(conversation, followUp.GetProperty("conversationId").GetString());
        Assert.False(followUp.GetProperty("cached").GetBoolean());
        Assert.StartsWith("Following on", followUp.GetProperty("answer").GetString(), StringComparison.Ordinal);
        // The follow-up alone says nothing about deloads; the carried-over question does.
        Assert.Contains(followUp.GetProperty("sources").EnumerateArray(), s => s.GetProperty("id").GetString()!.Contains("deload", StringComparison.Ordinal)
            || s.GetProperty("title").GetString()!.Contains("eload", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_WithNothingRelevant_SaysSoInsteadOfInventing()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var answer = await AskAsync(client, "zxqv blorft wibble?");

        Assert.Empty(answer.GetProperty("sources").EnumerateArray());
        Assert.Contains("could not find", answer.GetProperty("answer").GetString()!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"question":""}""", "question")]
    [InlineData("""{"question":"  "}""", "question")]
    [InlineData("""{}""", "question")]
    [InlineData("""{"question":"!!"}""", "question")]
    [InlineData("""{"question":"how much protein?","conversationId":"../../etc"}""", "conversationId")]
    [InlineData("""{"question":42}""", "question")]
    public async Task Ask_BadInput_Is400NamingTheField(string body, string field)
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var response = await client.PostAsync("/api/coach/ask", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        var problem = await response.ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Ask_TooLongQuestion_Is400()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var response = await client.PostAsJsonAsync("/api/coach/ask", new { question = new string('a', 1001) }, Cancel);

        await response.ProblemAsync(400);
    }

    [Fact]
    public async Task Ask_FreeTier_IsLimitedToFivePerMinute()
    {
        var client = await api.ClientForAsync(ApiFactory.NewUserId(), "free");

        for (var i = 0; i < 5; i++)
        {
            var ok = await client.PostAsJsonAsync("/api/coach/ask", new { question = $"Is creatine safe to take every day? ({i})" }, Cancel);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/api/coach/ask", new { question = "Is creatine safe?" }, Cancel);
        await limited.ProblemAsync(429);
        Assert.True(limited.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Ask_WithoutToken_Is401()
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/coach/ask", new { question = "How much protein?" }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

/// <summary>With <c>Model:*</c> configured the model writes the answer from a grounded prompt; the cache spares repeat calls.</summary>
public sealed class CoachModelTests : IAsyncLifetime
{
    private FakeOpenAIServer _model = null!;
    private ConfiguredApiFactory _api = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _model = await FakeOpenAIServer.StartAsync(Cancel);
        _model.ReplyContent = "Aim for about 1.6 g of protein per kg a day [1], spread over 3-4 meals [2].";
        _api = new ConfiguredApiFactory(new Dictionary<string, string?>
        {
            ["Model:Endpoint"] = _model.Endpoint.ToString(),
            ["Model:Id"] = "coach-test-model",
            ["Model:Key"] = "sk-test",
            ["Model:CoachTimeout"] = "00:00:02",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task Ask_WithAModel_SendsAGroundedPrompt_AndReturnsItsAnswerWithSources()
    {
        var client = await _api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");
        await (await client.PutAsJsonAsync("/api/users/me/profile", new { weightKg = 90, goals = new[] { "strength" } }, Cancel)).JsonAsync();

        var answer = await CoachTests.AskAsync(client, "How much protein do I need?");

        Assert.Equal("coach-test-model", answer.GetProperty("model").GetString());
        Assert.StartsWith("Aim for about 1.6 g", answer.GetProperty("answer").GetString(), StringComparison.Ordinal);
        Assert.Contains("Sources:", answer.GetProperty("answer").GetString()!, StringComparison.Ordinal);
        Assert.NotEmpty(answer.GetProperty("sources").EnumerateArray());
        var request = Assert.Single(_model.Requests);
        Assert.Equal("coach-test-model", request.Model);
        var system = request.Messages[0];
        Assert.Equal("system", system.Role);
        Assert.Contains("[1]", system.Content, StringComparison.Ordinal);
        Assert.Contains("body weight: about 90 kg", system.Content, StringComparison.Ordinal);
        Assert.Contains("goals: strength", system.Content, StringComparison.Ordinal);
        Assert.Equal(("user", "How much protein do I need?"), request.Messages[^1]);
    }

    [Fact]
    public async Task Ask_Repeated_DoesNotCallTheModelAgain_AndTheMetricsSaySo()
    {
        var client = await _api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");

        var first = await CoachTests.AskAsync(client, "Is creatine worth taking for strength?");
        var second = await CoachTests.AskAsync(client, "is creatine worth taking for strength");
        var metrics = await _api.CreateClient().GetStringAsync("/metrics", Cancel);

        Assert.False(first.GetProperty("cached").GetBoolean());
        Assert.True(second.GetProperty("cached").GetBoolean());
        Assert.Single(_model.Requests);
        Assert.Contains("fitcoach_model_calls_seconds_count{purpose=\"coach\",model=\"coach-test-model\",outcome=\"ok\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("fitcoach_model_calls_avoided_total{purpose=\"coach\",reason=\"exact\"}", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_WithAFollowUp_SendsTheHistoryAsChatTurns()
    {
        var client = await _api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");
        var first = await CoachTests.AskAsync(client, "What is a good rep range for hypertrophy?");

        await CoachTests.AskAsync(client, "And for strength?", first.GetProperty("conversationId").GetString());

        var followUp = _model.Requests.Last();
        Assert.Equal(("user", "What is a good rep range for hypertrophy?"), followUp.Messages[1]);
        Assert.Equal("assistant", followUp.Messages[2].Role);
        Assert.Equal(("user", "And for strength?"), followUp.Messages[^1]);
    }

    [Fact]
    public async Task Ask_WhenTheModelFails_AnswersOffline_AndDoesNotCacheTheFallback()
    {
        var client = await _api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");
        _model.FailWithStatus = 500;

        var degraded = await CoachTests.AskAsync(client, "How should I warm up before squatting?");
        _model.FailWithStatus = null;
        var recovered = await CoachTests.AskAsync(client, "How should I warm up before squatting?");

        Assert.Equal("offline", degraded.GetProperty("model").GetString());
        Assert.Contains("[1]", degraded.GetProperty("answer").GetString()!, StringComparison.Ordinal);
        Assert.False(recovered.GetProperty("cached").GetBoolean());
        Assert.Equal("coach-test-model", recovered.GetProperty("model").GetString());
    }

    [Fact]
    public async Task Ask_WhenTheModelHangs_AnswersOfflineWithinTheTimeout()
    {
        var client = await _api.ClientForAsync(ApiFactory.NewUserId(), "unlimited");
        _model.Delay = TimeSpan.FromSeconds(30);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var answer = await CoachTests.AskAsync(client, "Does sleep affect muscle growth?");

        Assert.Equal("offline", answer.GetProperty("model").GetString());
        Assert.InRange(started.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
    }
}

/// <summary>Conversation history lives in Redis, shared by API instances, and expires.</summary>
public sealed class RedisCoachTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Conversation_StartedOnOneInstance_ContinuesOnAnother_AndExpires()
    {
        using var first = ApiFactory.WithRedis(redis.ConnectionString);
        using var second = ApiFactory.WithRedis(redis.ConnectionString);
        var userId = ApiFactory.NewUserId();
        var a = await first.ClientForAsync(userId, "unlimited");
        var b = await second.ClientForAsync(userId, "unlimited");

        var opened = await CoachTests.AskAsync(a, "How often should I deload?");
        var conversation = opened.GetProperty("conversationId").GetString()!;
        var followUp = await CoachTests.AskAsync(b, "And what should that week look like?", conversation);

        Assert.StartsWith("Following on", followUp.GetProperty("answer").GetString(), StringComparison.Ordinal);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var key = $"fitcoach:{{user:{userId}}}:conversation:{conversation}";
        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
        Assert.Equal(4, await connection.GetDatabase().ListLengthAsync(key));
    }
}
