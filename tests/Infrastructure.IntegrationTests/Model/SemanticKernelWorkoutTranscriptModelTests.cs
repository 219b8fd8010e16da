using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Domain.Workouts;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Model;

/// <summary>Our Semantic Kernel client against a loopback OpenAI-compatible server: what it sends, what it keeps.</summary>
public sealed class SemanticKernelWorkoutTranscriptModelTests : IAsyncLifetime
{
    private const string ModelId = "fake-coach-1";

    private readonly RecordingLogger<SemanticKernelWorkoutTranscriptModel> _logger = new();
    private FakeOpenAIServer _server = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await FakeOpenAIServer.StartAsync(Cancel);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task ParseAsync_SendsTheTranscriptTheSchemaAndTheDefaultUnit_InJsonModeAtTemperatureZero()
    {
        using var model = CreateModel();

        await model.ParseAsync("  then three sets of eight on the hack squat with 100  ", "lb", Cancel);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal(ModelId, request.Model);
        Assert.Equal(0, request.Body.GetProperty("temperature").GetDouble());
        Assert.Equal("json_object", request.Body.GetProperty("response_format").GetProperty("type").GetString());
        Assert.Collection(
            request.Messages,
            system =>
            {
                Assert.Equal("system", system.Role);
                Assert.Contains(
                    """{"exercises":[{"name":"string","sets":[{"reps":integer|null,"weight":number|null,"unit":"kg"|"lb"|null""",
                    system.Content,
                    StringComparison.Ordinal);
                Assert.Contains("\"durationSeconds\"", system.Content, StringComparison.Ordinal);
                Assert.Contains("\"distanceKm\"", system.Content, StringComparison.Ordinal);
                Assert.Contains("\"normal\"|\"warmup\"|\"dropset\"|\"failure\"|\"amrap\"", system.Content, StringComparison.Ordinal);
                Assert.Contains("\"perSide\"", system.Content, StringComparison.Ordinal);
                Assert.Contains("when a weight has no unit spoken, use \"lb\"", system.Content, StringComparison.Ordinal);
                Assert.Contains("\"3x8\" or \"3 sets of 8\" is three set objects", system.Content, StringComparison.Ordinal);
                Assert.Contains("Use null for anything unknown. Never invent numbers.", system.Content, StringComparison.Ordinal);
            },
            user =>
            {
                Assert.Equal("user", user.Role);
                Assert.Equal("then three sets of eight on the hack squat with 100", user.Content);
            });
    }

    [Theory]
    [InlineData("kg", "use \"kg\"")]
    [InlineData("lb", "use \"lb\"")]
    [InlineData("LB", "use \"lb\"")]
    [InlineData("stone", "use \"kg\"")]
    public async Task ParseAsync_StatesAKnownDefaultUnit_AndKilogramsForAnyOther(string defaultUnit, string expected)
    {
        using var model = CreateModel();

        await model.ParseAsync("bench 3x5", defaultUnit, Cancel);

        Assert.Contains(expected, Assert.Single(_server.Requests).Messages[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseAsync_CapsTheTranscriptItSends()
    {
        using var model = CreateModel();

        await model.ParseAsync(new string('a', 1999) + "😀" + new string('b', 5000), "kg", Cancel);

        var sent = Assert.Single(_server.Requests).Messages[1].Content;
        Assert.Equal(new string('a', 1999), sent);
        Assert.True(sent.Length <= SemanticKernelWorkoutTranscriptModel.MaxTranscriptChars);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ParseAsync_WithNothingToParse_DoesNotCallTheModel(string transcript)
    {
        using var model = CreateModel();

        var exercises = await model.ParseAsync(transcript, "kg", Cancel);

        Assert.Empty(exercises);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task ParseAsync_MapsTheReplysExercisesAndSets()
    {
        _server.ReplyContent = """
            {"exercises":[
              {"name":"Bench press","sets":[
                {"reps":5,"weight":100,"unit":"kg","rpe":8,"rir":null,"durationSeconds":null,"distanceKm":null,"type":"warmup","perSide":null},
                {"reps":5,"weight":102.5,"unit":"kg","rpe":8.5,"rir":1,"type":"normal"},
                {"reps":3,"weight":225,"unit":"lbs","type":"failure"}]},
              {"name":"plank","sets":[{"durationSeconds":60}]},
              {"name":"  Bulgarian split squat ","sets":[{"reps":12,"weight":20,"perSide":true,"type":"drop set"}]},
              {"name":"rower","sets":[{"distanceKm":2,"durationSeconds":480,"type":"AMRAP"}]}]}
            """;
        using var model = CreateModel();

        var exercises = await model.ParseAsync("bench, plank, split squats, row", "lb", Cancel);

        Assert.Collection(
            exercises,
            bench =>
            {
                Assert.Equal("Bench press", bench.Name);
                Assert.Equal(
                    [
                        new WorkoutSet { Reps = 5, Weight = 100, Unit = "kg", Rpe = 8, Type = "warmup" },
                        new WorkoutSet { Reps = 5, Weight = 102.5, Unit = "kg", Rpe = 8.5, Rir = 1, Type = "normal" },
                        new WorkoutSet { Reps = 3, Weight = 225, Unit = "lb", Type = "failure" },
                    ],
                    bench.Sets);
            },
            plank =>
            {
                Assert.Equal("plank", plank.Name);
                Assert.Equal([new WorkoutSet { DurationSeconds = 60 }], plank.Sets);
            },
            split =>
            {
                Assert.Equal("Bulgarian split squat", split.Name);
                Assert.Equal([new WorkoutSet { Reps = 12, Weight = 20, Unit = "lb", PerSide = true, Type = "dropset" }], split.Sets);
            },
            rower => Assert.Equal([new WorkoutSet { DistanceKm = 2, DurationSeconds = 480, Type = "amrap" }], rower.Sets));
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public async Task ParseAsync_KeepsTheUnitOfALoadOnly()
    {
        _server.ReplyContent = """{"exercises":[{"name":"push-up","sets":[{"reps":20,"unit":"bodyweight"},{"reps":15,"weight":0}]}]}""";
        using var model = CreateModel();

        var exercise = Assert.Single(await model.ParseAsync("20 push-ups then 15", "kg", Cancel));

        Assert.Equal([new WorkoutSet { Reps = 20 }, new WorkoutSet { Reps = 15, Weight = 0, Unit = "kg" }], exercise.Sets);
    }

    [Theory]
    [InlineData("""{"reps":0}""")]
    [InlineData("""{"reps":101}""")]
    [InlineData("""{"reps":8.5}""")]
    [InlineData("""{"reps":"many"}""")]
    [InlineData("""{"reps":[8]}""")]
    [InlineData("""{"reps":8,"weight":-5,"unit":"kg"}""")]
    [InlineData("""{"reps":8,"weight":601,"unit":"kg"}""")]
    [InlineData("""{"reps":8,"weight":1330,"unit":"lb"}""")]
    [InlineData("""{"reps":8,"weight":100,"unit":"stone"}""")]
    [InlineData("""{"reps":8,"rpe":0}""")]
    [InlineData("""{"reps":8,"rpe":11}""")]
    [InlineData("""{"reps":8,"rir":-1}""")]
    [InlineData("""{"reps":8,"rir":11}""")]
    [InlineData("""{"durationSeconds":0}""")]
    [InlineData("""{"durationSeconds":21601}""")]
    [InlineData("""{"durationSeconds":30.5}""")]
    [InlineData("""{"distanceKm":0}""")]
    [InlineData("""{"distanceKm":100.5}""")]
    [InlineData("""{"reps":8,"type":"superset"}""")]
    [InlineData("""{"reps":8,"type":3}""")]
    [InlineData("""{"reps":8,"perSide":"maybe"}""")]
    [InlineData("""{"reps":"NaN"}""")]
    [InlineData("""{"weight":100,"unit":"kg"}""")]
    [InlineData("""{}""")]
    [InlineData("""8""")]
    public async Task ParseAsync_DropsAnInvalidSet_AndAnExerciseLeftWithoutSets(string invalidSet)
    {
        _server.ReplyContent = $$"""
            {"exercises":[
              {"name":"squat","sets":[{"reps":5,"weight":140,"unit":"kg"},{{invalidSet}}]},
              {"name":"lunge","sets":[{{invalidSet}}]}]}
            """;
        using var model = CreateModel();

        var exercises = await model.ParseAsync("squats and lunges", "kg", Cancel);

        var squat = Assert.Single(exercises);
        Assert.Equal("squat", squat.Name);
        Assert.Equal([new WorkoutSet { Reps = 5, Weight = 140, Unit = "kg" }], squat.Sets);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("dropped 1 exercises and 2 sets", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"reps":100,"weight":600,"unit":"kg","rpe":10,"rir":0}""")]
    [InlineData("""{"reps":1,"weight":1320,"unit":"lb","rpe":1,"rir":10}""")]
    [InlineData("""{"reps":"8","weight":"60","perSide":"true"}""")]
    [InlineData("""{"durationSeconds":1}""")]
    [InlineData("""{"durationSeconds":21600}""")]
    [InlineData("""{"distanceKm":100}""")]
    [InlineData("""{"Reps":8,"Type":"Warm-Up"}""")]
    public async Task ParseAsync_KeepsSetsAtTheLimits_AndToleratesQuotedNumbersAndCase(string validSet)
    {
        _server.ReplyContent = $$"""{"exercises":[{"name":"squat","sets":[{{validSet}}]}]}""";
        using var model = CreateModel();

        var exercise = Assert.Single(await model.ParseAsync("squats", "kg", Cancel));

        Assert.Single(exercise.Sets);
    }

    [Theory]
    [InlineData("""{"sets":[{"reps":5}]}""")]
    [InlineData("""{"name":"","sets":[{"reps":5}]}""")]
    [InlineData("""{"name":"   ","sets":[{"reps":5}]}""")]
    [InlineData("""{"name":42,"sets":[{"reps":5}]}""")]
    [InlineData("""{"name":"deadlift"}""")]
    [InlineData("""{"name":"deadlift","sets":[]}""")]
    [InlineData("""{"name":"deadlift","sets":{"reps":5}}""")]
    [InlineData("\"deadlift\"")]
    public async Task ParseAsync_DropsAnExerciseWithoutANameOrSets(string invalidExercise)
    {
        _server.ReplyContent = $$"""{"exercises":[{{invalidExercise}},{"name":"row","sets":[{"reps":10}]}]}""";
        using var model = CreateModel();

        var exercise = Assert.Single(await model.ParseAsync("deadlifts and rows", "kg", Cancel));

        Assert.Equal("row", exercise.Name);
    }

    [Fact]
    public async Task ParseAsync_DropsANameLongerThanAnExerciseName()
    {
        _server.ReplyContent = $$"""{"exercises":[{"name":"{{new string('x', 101)}}","sets":[{"reps":5}]}]}""";
        using var model = CreateModel();

        Assert.Empty(await model.ParseAsync("something", "kg", Cancel));
    }

    [Theory]
    [InlineData("```json\n{\"exercises\":[{\"name\":\"curl\",\"sets\":[{\"reps\":12}]}]}\n```")]
    [InlineData("Sure! Here is the JSON:\n{\"exercises\":[{\"name\":\"curl\",\"sets\":[{\"reps\":12}]}]}\nLet me know {if} you need more.")]
    [InlineData("{note: this is not json} {\"notes\":\"none\"} {\"exercises\":[{\"name\":\"curl\",\"sets\":[{\"reps\":12},]}]}")]
    public async Task ParseAsync_FindsTheJsonObjectInsideFencesOrProse(string reply)
    {
        _server.ReplyContent = reply;
        using var model = CreateModel();

        var exercise = Assert.Single(await model.ParseAsync("curls for 12", "kg", Cancel));

        Assert.Equal("curl", exercise.Name);
        Assert.Equal([new WorkoutSet { Reps = 12 }], exercise.Sets);
    }

    [Theory]
    [InlineData("")]
    [InlineData("I'm sorry, I can't help with that.")]
    [InlineData("```json\n{\"exercises\":[{\"name\":\"curl\",\"sets\":[{\"reps\":12}\n```")]
    [InlineData("[{\"name\":\"curl\",\"sets\":[{\"reps\":12}]}]")]
    [InlineData("{\"sets\":[{\"reps\":12}]}")]
    [InlineData("{\"exercises\":\"curl\"}")]
    [InlineData("{\"exercises\":null}")]
    public async Task ParseAsync_WhenTheReplyHasNoExercisesObject_ReturnsNothingAndWarns(string reply)
    {
        _server.ReplyContent = reply;
        using var model = CreateModel();

        var exercises = await model.ParseAsync("curls for 12", "kg", Cancel);

        Assert.Empty(exercises);
        var warning = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(ModelId, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParseAsync_StopsReadingARunawayReply()
    {
        var sets = string.Join(",", Enumerable.Repeat("""{"reps":5}""", 80));
        var exercises = string.Join(",", Enumerable.Range(0, 30).Select(i => $$"""{"name":"exercise {{i}}","sets":[{{sets}}]}"""));
        _server.ReplyContent = $$"""{"exercises":[{{exercises}}]}""";
        using var model = CreateModel();

        var parsed = await model.ParseAsync("everything", "kg", Cancel);

        Assert.Equal(20, parsed.Count);
        Assert.All(parsed, e => Assert.Equal(50, e.Sets.Count));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(429)]
    [InlineData(401)]
    [InlineData(404)]
    public async Task ParseAsync_WhenTheServerFails_ThrowsDependencyUnavailable(int status)
    {
        _server.FailWithStatus = status;
        using var model = CreateModel();

        var error = await Assert.ThrowsAsync<DependencyUnavailableException>(() => model.ParseAsync("bench 3x5", "kg", Cancel));

        Assert.Equal("model", error.Dependency);
        Assert.NotNull(error.Cause);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("{\"choices\":\"none\"}")]
    [InlineData("")]
    public async Task ParseAsync_WhenTheEndpointIsNotAnOpenAIServer_ThrowsDependencyUnavailable(string body)
    {
        _server.RawBody = body;
        using var model = CreateModel();

        var error = await Assert.ThrowsAsync<DependencyUnavailableException>(() => model.ParseAsync("bench 3x5", "kg", Cancel));

        Assert.Equal("model", error.Dependency);
    }

    [Fact]
    public async Task ParseAsync_WhenTheServerHangs_ThrowsDependencyUnavailableAfterTheTimeout()
    {
        _server.Delay = TimeSpan.FromSeconds(30);
        using var model = CreateModel(timeout: TimeSpan.FromSeconds(1));

        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<DependencyUnavailableException>(() => model.ParseAsync("bench 3x5", "kg", Cancel));
        watch.Stop();

        Assert.Equal("model", error.Dependency);
        Assert.IsAssignableFrom<OperationCanceledException>(error.Cause);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ParseAsync_WhenNothingListens_ThrowsDependencyUnavailable()
    {
        using var model = CreateModel(endpoint: new Uri($"http://127.0.0.1:{UnusedLoopbackPort()}/v1"));

        var error = await Assert.ThrowsAsync<DependencyUnavailableException>(() => model.ParseAsync("bench 3x5", "kg", Cancel));

        Assert.Equal("model", error.Dependency);
    }

    [Fact]
    public async Task ParseAsync_WhenTheCallerCancels_ThrowsCancellationNotAnOutage()
    {
        _server.Delay = TimeSpan.FromSeconds(30);
        using var model = CreateModel();
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        caller.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => model.ParseAsync("bench 3x5", "kg", caller.Token));
    }

    [Fact]
    public async Task ParseAsync_SendsTheConfiguredKeyAsABearerToken()
    {
        using var model = CreateModel(key: "sk-test-123");

        await model.ParseAsync("bench 3x5", "kg", Cancel);

        Assert.Equal("Bearer sk-test-123", Assert.Single(_server.Requests).Authorization);
    }

    [Fact]
    public async Task ParseAsync_WithoutAKey_SendsNoCredential()
    {
        using var model = CreateModel(key: "  ");

        await model.ParseAsync("bench 3x5", "kg", Cancel);

        // The connector fills a keyless endpoint's credential with a blank placeholder, which arrives as a bare scheme.
        var authorization = Assert.Single(_server.Requests).Authorization;
        Assert.True(authorization is null || authorization.Trim() == "Bearer", $"Unexpected credential: {authorization}");
    }

    [Fact]
    public async Task ParseAsync_WithATrailingSlashOnTheEndpoint_CallsTheSamePath()
    {
        using var model = CreateModel(endpoint: new Uri(_server.Endpoint + "/"));

        await model.ParseAsync("bench 3x5", "kg", Cancel);

        Assert.Equal("/v1/chat/completions", Assert.Single(_server.Requests).Path);
    }

    [Fact]
    public void ModelId_IsTheConfiguredId()
    {
        using var model = CreateModel();

        Assert.Equal(ModelId, model.ModelId);
    }

    private SemanticKernelWorkoutTranscriptModel CreateModel(string? key = null, TimeSpan? timeout = null, Uri? endpoint = null) =>
        new(
            Options.Create(new ModelOptions
            {
                Endpoint = (endpoint ?? _server.Endpoint).ToString(),
                Id = ModelId,
                Key = key,
                Timeout = timeout ?? TimeSpan.FromSeconds(10),
            }),
            _logger,
            NullLoggerFactory.Instance);

    private static int UnusedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
