using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Workouts;
using FitCoach.Infrastructure.IntegrationTests.Support;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Contracts;

/// <summary>What every <see cref="IWorkoutStore"/> must do.</summary>
public abstract class WorkoutStoreContract : PortContract<IWorkoutStore>
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 18, 0, 0, TimeSpan.Zero);

    protected IWorkoutStore Store => Port;

    protected static Workout NewWorkout(string id, DateTimeOffset performedAt, double weight = 100) => new(
        id,
        "ignored",
        performedAt,
        60,
        8,
        [new WorkoutExercise("Barbell_Squat", "Barbell Squat", [new WorkoutSet { Reps = 5, Weight = weight, Unit = "kg", Rpe = 8 }])]);

    [Fact]
    public async Task AddAsync_ThenGetAsync_ReturnsTheWorkoutOwnedByTheUser()
    {
        var userId = TestData.NewId("user");

        Assert.True(await Store.AddAsync(userId, NewWorkout("w1", Monday), Cancel));
        var stored = await Store.GetAsync(userId, "w1", Cancel);

        Assert.NotNull(stored);
        Assert.Equal(userId, stored.UserId);
        Assert.Equal(Monday, stored.PerformedAt);
        Assert.Equal(100, stored.Exercises[0].Sets[0].Weight);
        Assert.Equal(8, stored.Exercises[0].Sets[0].Rpe);
    }

    [Fact]
    public async Task AddAsync_WithAnExistingId_KeepsTheFirstAndReturnsFalse()
    {
        var userId = TestData.NewId("user");
        await Store.AddAsync(userId, NewWorkout("w1", Monday, 100), Cancel);

        Assert.False(await Store.AddAsync(userId, NewWorkout("w1", Monday.AddDays(1), 140), Cancel));

        Assert.Equal(100, (await Store.GetAsync(userId, "w1", Cancel))!.Exercises[0].Sets[0].Weight);
        Assert.Single(await Store.ListAsync(userId, DateTimeOffset.MinValue.AddYears(1970), Monday.AddYears(1), Cancel));
    }

    [Fact]
    public async Task ListAsync_ReturnsOnlyTheRangeOldestFirst()
    {
        var userId = TestData.NewId("user");
        await Store.AddAsync(userId, NewWorkout("late", Monday.AddDays(2)), Cancel);
        await Store.AddAsync(userId, NewWorkout("early", Monday), Cancel);
        await Store.AddAsync(userId, NewWorkout("outside", Monday.AddDays(10)), Cancel);

        var listed = await Store.ListAsync(userId, Monday, Monday.AddDays(2), Cancel);

        Assert.Equal(["early", "late"], listed.Select(w => w.Id));
    }

    [Fact]
    public async Task ListAsync_KeepsUsersApart()
    {
        var alice = TestData.NewId("alice");
        var bob = TestData.NewId("bob");
        await Store.AddAsync(alice, NewWorkout("w1", Monday), Cancel);

        Assert.Empty(await Store.ListAsync(bob, Monday.AddDays(-1), Monday.AddDays(1), Cancel));
        Assert.Null(await Store.GetAsync(bob, "w1", Cancel));
    }

    [Fact]
    public async Task AddAsync_InParallelWithTheSameId_StoresExactlyOne()
    {
        var userId = TestData.NewId("user");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Store.AddAsync(userId, NewWorkout("same", Monday), Cancel)));

        Assert.Equal(1, results.Count(added => added));
        Assert.Single(await Store.ListAsync(userId, Monday.AddDays(-1), Monday.AddDays(1), Cancel));
    }

    private static Workout Ranked(string id, DateTimeOffset performedAt, double weight = 100) =>
        NewWorkout(id, performedAt, weight) with { Ranked = true };

    private static SummaryQuery Everything(params DateTimeOffset[] at) => new(
        ["Barbell_Squat"],
        [.. at.SelectMany(TrainingPeriods.KeysOf).Distinct()],
        [.. at.Select(TrainingPeriods.WeekOf).Distinct()]);

    [Fact]
    public async Task GetSummaryAsync_ForANewUser_IsEmpty()
    {
        var summary = await Store.GetSummaryAsync(TestData.NewId("user"), Everything(Monday), Cancel);

        Assert.Empty(summary.BestE1rmKg);
        Assert.Empty(summary.RankedTotals);
        Assert.Empty(summary.WeeklyTotals);
        Assert.Null(summary.Streak);
    }

    [Fact]
    public async Task AddAsync_FoldsEachNewWorkoutIntoTheSummary_AsTheDomainRuleDoes()
    {
        var userId = TestData.NewId("user");
        Workout[] workouts =
        [
            Ranked("w1", Monday, 100),
            Ranked("w2", Monday.AddDays(1), 120),
            NewWorkout("w3", Monday.AddDays(2), 140), // not ranked: history and weekly totals only
            Ranked("w4", Monday.AddDays(4), 90),      // a gap: a new streak
        ];
        var expected = new UserTrainingSummary();
        foreach (var workout in workouts)
        {
            await Store.AddAsync(userId, workout, Cancel);
            expected.Apply(workout);
        }

        var summary = await Store.GetSummaryAsync(userId, Everything([.. workouts.Select(w => w.PerformedAt)]), Cancel);

        Assert.Equal(expected.BestE1rmKg["Barbell_Squat"], summary.BestE1rmKg["Barbell_Squat"], 6);
        Assert.Equal(new PeriodTotals(1550, 3), summary.RankedTotals["all"]);
        Assert.Equal(expected.RankedTotals[TrainingPeriods.Key(TrainingPeriods.Week, Monday)], summary.RankedTotals[TrainingPeriods.Key(TrainingPeriods.Week, Monday)]);
        Assert.Equal(new PeriodTotals(2250, 4), summary.WeeklyTotals[TrainingPeriods.WeekOf(Monday)]);
        Assert.Equal(new StreakState(TrainingPeriods.DayNumber(Monday.AddDays(4)), 1), summary.Streak);
        Assert.Equal(expected.Streak, summary.Streak);
    }

    [Fact]
    public async Task AddAsync_OfAnExistingId_DoesNotCountItTwice()
    {
        var userId = TestData.NewId("user");

        await Store.AddAsync(userId, Ranked("w1", Monday), Cancel);
        await Store.AddAsync(userId, Ranked("w1", Monday), Cancel);
        await Store.AddManyAsync(userId, [Ranked("w1", Monday)], Cancel);

        var summary = await Store.GetSummaryAsync(userId, Everything(Monday), Cancel);
        Assert.Equal(new PeriodTotals(500, 1), summary.RankedTotals["all"]);
        Assert.Equal(1, summary.Streak!.Days);
    }

    [Fact]
    public async Task AddAsync_OfAWorkoutWithoutSets_StoresItButCountsNothing()
    {
        var userId = TestData.NewId("user");
        var empty = Ranked("empty", Monday) with { Exercises = [] };

        Assert.True(await Store.AddAsync(userId, empty, Cancel));

        var summary = await Store.GetSummaryAsync(userId, Everything(Monday), Cancel);
        Assert.Empty(summary.RankedTotals);
        Assert.Empty(summary.WeeklyTotals);
        Assert.Null(summary.Streak);
    }

    [Fact]
    public async Task AddManyAsync_StoresEachOnce_InOneCall_AndSaysWhichWereNew()
    {
        var userId = TestData.NewId("user");
        await Store.AddAsync(userId, Ranked("w2", Monday.AddDays(1)), Cancel);

        var added = await Store.AddManyAsync(userId, [Ranked("w1", Monday), Ranked("w2", Monday.AddDays(1)), Ranked("w3", Monday.AddDays(2))], Cancel);

        Assert.Equal([true, false, true], added);
        Assert.Equal(["w1", "w2", "w3"], (await Store.ListAsync(userId, Monday.AddDays(-1), Monday.AddDays(3), Cancel)).Select(w => w.Id));
        var summary = await Store.GetSummaryAsync(userId, Everything(Monday), Cancel);
        Assert.Equal(3, summary.RankedTotals["all"].Workouts);
        Assert.Equal(2, summary.Streak!.Days); // Tuesday, then Wednesday; Monday arrived after Tuesday (StreakState.After)
    }

    [Fact]
    public async Task GetSummaryAsync_ReadsOnlyWhatItIsAskedFor()
    {
        var userId = TestData.NewId("user");
        await Store.AddAsync(userId, Ranked("w1", Monday), Cancel);

        var summary = await Store.GetSummaryAsync(userId, new SummaryQuery(["Barbell_Bench_Press_-_Medium_Grip"], ["week:1999-W01"], []), Cancel);

        Assert.Empty(summary.BestE1rmKg);
        Assert.Empty(summary.RankedTotals);
        Assert.NotNull(summary.Streak);
    }
}
