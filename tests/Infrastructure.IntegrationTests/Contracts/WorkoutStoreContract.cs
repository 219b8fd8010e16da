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
}
