using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Workouts;
using FitCoach.Infrastructure.IntegrationTests.Support;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

/// <summary>What every <see cref="ISessionStore"/> must do, whichever devices and instances call it.</summary>
public abstract class SessionStoreContract : PortContract<ISessionStore>
{
    protected ISessionStore Store => Port;

    [Fact]
    public async Task StartAsync_CreatesAnActiveSessionThatBecomesTheActiveOne()
    {
        var userId = TestData.NewId("user");

        var started = await Store.StartAsync(userId, "Leg day", TestData.Morning, Cancel);

        Assert.Equal(SessionStatus.Active, started.Status);
        Assert.Equal("Leg day", started.Name);
        Assert.Equal(userId, started.UserId);
        Assert.Equal(TestData.Morning, started.StartedAt);
        Assert.Empty(started.Exercises);
        Assert.Null(started.EndedAt);
        AssertSame(started, await Store.GetAsync(userId, started.Id, Cancel));
        AssertSame(started, await Store.GetActiveAsync(userId, Cancel));
    }

    [Fact]
    public async Task StartAsync_WithoutAName_KeepsTheNameEmpty()
    {
        var userId = TestData.NewId("user");

        var started = await Store.StartAsync(userId, null, TestData.Morning, Cancel);

        Assert.Null((await Store.GetAsync(userId, started.Id, Cancel))!.Name);
    }

    [Fact]
    public async Task StartAsync_WhileAnotherIsActive_MakesTheNewOneActive_AndAbandonsTheOld()
    {
        var userId = TestData.NewId("user");
        var first = await Store.StartAsync(userId, "first", TestData.Morning, Cancel);
        await Store.AppendAsync(userId, first.Id, [new LoggedExercise("Barbell_Squat", "Barbell Squat", 1, [new WorkoutSet { Reps = 5 }], TestData.Morning)], Cancel);
        var second = await Store.StartAsync(userId, "second", TestData.Morning.AddHours(1), Cancel);

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(second.Id, (await Store.GetActiveAsync(userId, Cancel))?.Id);
        var abandoned = await Store.GetAsync(userId, first.Id, Cancel);
        Assert.Equal(SessionStatus.Abandoned, abandoned!.Status);
        Assert.Equal(TestData.Morning.AddHours(1), abandoned.EndedAt);
        Assert.Single(abandoned.Exercises); // its sets stay readable

        // An abandoned session has ended: it takes no more sets, and ending it again changes nothing.
        Assert.Null(await Store.AppendAsync(userId, first.Id, [new LoggedExercise("Barbell_Squat", "Barbell Squat", 1, [new WorkoutSet { Reps = 5 }], TestData.Morning)], Cancel));
        var ended = await Store.EndAsync(userId, first.Id, SessionStatus.Finished, TestData.Morning.AddHours(2), Cancel);
        Assert.Equal(SessionStatus.Abandoned, ended!.Status);
        Assert.NotNull(ended.EndConflict(SessionStatus.Finished));
        Assert.Equal(second.Id, (await Store.GetActiveAsync(userId, Cancel))?.Id);
    }

    [Theory]
    [InlineData(SessionStatus.Finished, SessionStatus.Discarded)]
    [InlineData(SessionStatus.Discarded, SessionStatus.Finished)]
    [InlineData(SessionStatus.Finished, SessionStatus.Finished)]
    public async Task EndAsync_EndsASessionOnce_AsTheDomainRuleDoes(SessionStatus first, SessionStatus then)
    {
        var userId = TestData.NewId("user");
        var session = await Store.StartAsync(userId, null, TestData.Morning, Cancel);
        var expected = session.End(first, TestData.Morning.AddHours(1)).End(then, TestData.Morning.AddHours(2));

        await Store.EndAsync(userId, session.Id, first, TestData.Morning.AddHours(1), Cancel);
        var ended = await Store.EndAsync(userId, session.Id, then, TestData.Morning.AddHours(2), Cancel);

        Assert.Equal(expected.Status, ended!.Status);
        Assert.Equal(expected.EndedAt, ended.EndedAt);
        Assert.Equal(expected.EndConflict(then) is null, ended.EndConflict(then) is null);
    }

    [Fact]
    public async Task GetActiveAsync_ForAUserWithoutSessions_ReturnsNull()
    {
        Assert.Null(await Store.GetActiveAsync(TestData.NewId("user"), Cancel));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("active")]
    [InlineData("x:entries")]
    [InlineData("")]
    public async Task GetAsync_ForAnIdThatNamesNoSession_ReturnsNull(string sessionId)
    {
        var userId = TestData.NewId("user");
        await Store.StartAsync(userId, null, TestData.Morning, Cancel);

        Assert.Null(await Store.GetAsync(userId, sessionId, Cancel));
        Assert.Null(await Store.AppendAsync(userId, sessionId, [TestData.Entry()], Cancel));
        Assert.Null(await Store.EndAsync(userId, sessionId, SessionStatus.Finished, TestData.Morning, Cancel));
    }

    [Fact]
    public async Task GetAsync_ForAnotherUsersSession_ReturnsNull()
    {
        var owner = TestData.NewId("owner");
        var other = TestData.NewId("other");
        var session = await Store.StartAsync(owner, null, TestData.Morning, Cancel);

        Assert.Null(await Store.GetAsync(other, session.Id, Cancel));
        Assert.Null(await Store.AppendAsync(other, session.Id, [TestData.Entry()], Cancel));
        Assert.Null(await Store.GetActiveAsync(other, Cancel));
    }

    [Fact]
    public async Task AppendAsync_ToAnActiveSession_KeepsEveryEntryInOrderWithAllItsFields()
    {
        var userId = TestData.NewId("user");
        var session = await Store.StartAsync(userId, null, TestData.Morning, Cancel);
        var squat = TestData.Entry("barbell-squat", reps: 5);
        var press = TestData.Entry("bench-press", reps: 8);
        var row = TestData.Entry("barbell-row", reps: 10);

        var afterFirst = await Store.AppendAsync(userId, session.Id, [squat, press], Cancel);
        var afterSecond = await Store.AppendAsync(userId, session.Id, [row], Cancel);

        AssertEntries([squat, press], afterFirst!.Exercises);
        AssertEntries([squat, press, row], afterSecond!.Exercises);
        AssertEntries([squat, press, row], (await Store.GetAsync(userId, session.Id, Cancel))!.Exercises);
        Assert.Equal(SessionStatus.Active, afterSecond.Status);
    }

    [Fact]
    public async Task AppendAsync_FromTwoDevicesAtOnce_KeepsEverySet()
    {
        var userId = TestData.NewId("user");
        var session = await Store.StartAsync(userId, null, TestData.Morning, Cancel);

        var appends = Enumerable.Range(0, 2).SelectMany(device => Enumerable.Range(0, 50).Select(i =>
            Task.Run(
                async () => await Store.AppendAsync(userId, session.Id, [TestData.Entry($"device{device}-{i}")], Cancel),
                Cancel)));
        var results = await Task.WhenAll(appends);

        Assert.All(results, Assert.NotNull);
        var stored = (await Store.GetAsync(userId, session.Id, Cancel))!.Exercises;
        Assert.Equal(100, stored.Count);
        Assert.Equal(100, stored.Select(e => e.ExerciseId).Distinct().Count());
    }

    [Fact]
    public async Task EndAsync_FinishesTheSessionAndClearsTheActivePointer()
    {
        var userId = TestData.NewId("user");
        var session = await Store.StartAsync(userId, "Push", TestData.Morning, Cancel);
        var entry = TestData.Entry();
        await Store.AppendAsync(userId, session.Id, [entry], Cancel);
        var endedAt = TestData.Morning.AddMinutes(55);

        var ended = await Store.EndAsync(userId, session.Id, SessionStatus.Finished, endedAt, Cancel);

        Assert.NotNull(ended);
        Assert.Equal(SessionStatus.Finished, ended.Status);
        Assert.Equal(endedAt, ended.EndedAt);
        AssertEntries([entry], ended.Exercises);
        Assert.Null(await Store.GetActiveAsync(userId, Cancel));
        AssertSame(ended, await Store.GetAsync(userId, session.Id, Cancel));
    }

    [Fact]
    public async Task EndAsync_WhenAlreadyEnded_ReturnsItUnchanged()
    {
        var userId = TestData.NewId("user");
        var session = await Store.StartAsync(userId, null, TestData.Morning, Cancel);
        var first = await Store.EndAsync(userId, session.Id, SessionStatus.Finished, TestData.Morning.AddHours(1), Cancel);

        var again = await Store.EndAsync(userId, session.Id, SessionStatus.Discarded, TestData.Morning.AddHours(2), Cancel);

        AssertSame(first!, again);
        Assert.Equal(SessionStatus.Finished, again!.Status);
        Assert.Equal(TestData.Morning.AddHours(1), again.EndedAt);
    }

    [Fact]
    public async Task AppendAsync_ToAnEndedSession_ReturnsNullAndKeepsTheSession()
    {
        var userId = TestData.NewId("user");
        var session = await Store.StartAsync(userId, null, TestData.Morning, Cancel);
        await Store.EndAsync(userId, session.Id, SessionStatus.Discarded, TestData.Morning.AddHours(1), Cancel);

        Assert.Null(await Store.AppendAsync(userId, session.Id, [TestData.Entry()], Cancel));
        Assert.Empty((await Store.GetAsync(userId, session.Id, Cancel))!.Exercises);
    }

    [Fact]
    public async Task EndAsync_WithTheActiveStatus_Throws()
    {
        var userId = TestData.NewId("user");
        var session = await Store.StartAsync(userId, null, TestData.Morning, Cancel);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Store.EndAsync(userId, session.Id, SessionStatus.Active, TestData.Morning, Cancel));
    }

    private static void AssertSame(WorkoutSession expected, WorkoutSession? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.UserId, actual.UserId);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.StartedAt, actual.StartedAt);
        Assert.Equal(expected.StartedAt.Offset, actual.StartedAt.Offset);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.EndedAt, actual.EndedAt);
        AssertEntries(expected.Exercises, actual.Exercises);
    }

    // Records compare their lists by reference, so entries are compared field by field.
    private static void AssertEntries(IReadOnlyList<LoggedExercise> expected, IReadOnlyList<LoggedExercise> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].ExerciseId, actual[i].ExerciseId);
            Assert.Equal(expected[i].ExerciseName, actual[i].ExerciseName);
            Assert.Equal(expected[i].MatchScore, actual[i].MatchScore);
            Assert.Equal(expected[i].LoggedAt, actual[i].LoggedAt);
            Assert.Equal(expected[i].LoggedAt.Offset, actual[i].LoggedAt.Offset);
            Assert.Equal(expected[i].Sets, actual[i].Sets);
        }
    }
}
