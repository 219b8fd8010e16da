using FitCoach.Domain.Workouts;
using Xunit;

namespace FitCoach.Domain.UnitTests;

public sealed class WorkoutMathTests
{
    private static WorkoutExercise Squat(params WorkoutSet[] sets) => new("Barbell_Squat", "Barbell Squat", sets);

    [Fact]
    public void VolumeKg_ConvertsPoundsAndCountsBothSidesOfPerSideSets()
    {
        var sets = new[]
        {
            new WorkoutSet { Reps = 5, Weight = 100, Unit = "kg" },
            new WorkoutSet { Reps = 10, Weight = 100, Unit = "lb" },
            new WorkoutSet { Reps = 12, Weight = 20, Unit = "kg", PerSide = true },
            new WorkoutSet { DurationSeconds = 60 },
        };

        Assert.Equal(500 + 453.59237 + 480, WorkoutMath.VolumeKg([Squat(sets)]), 3);
    }

    [Fact]
    public void PersonalRecords_WhenTheBestSetBeatsHistory_ReportsItWithThePreviousBest()
    {
        var records = WorkoutMath.PersonalRecords(
            [Squat(new WorkoutSet { Reps = 5, Weight = 140, Unit = "kg", Rpe = 9 }, new WorkoutSet { Reps = 5, Weight = 120, Unit = "kg", Rpe = 7 })],
            new Dictionary<string, double> { ["Barbell_Squat"] = 150 });

        var record = Assert.Single(records);
        Assert.Equal(167.3, record.E1rmKg);
        Assert.Equal(150, record.PreviousBestKg);
        Assert.Equal(140, record.Weight);
    }

    [Fact]
    public void PersonalRecords_WhenBelowHistoryOrWarmUpOnly_ReportsNothing()
    {
        var records = WorkoutMath.PersonalRecords(
            [Squat(new WorkoutSet { Reps = 5, Weight = 100, Unit = "kg" }), new WorkoutExercise("Pullups", "Pullups", [new WorkoutSet { Reps = 3, Weight = 200, Unit = "kg", Type = "warmup" }])],
            new Dictionary<string, double> { ["Barbell_Squat"] = 150 });

        Assert.Empty(records);
    }

    [Fact]
    public void PersonalRecords_ComparePoundsAndKilogramsOnOneScale()
    {
        var records = WorkoutMath.PersonalRecords(
            [Squat(new WorkoutSet { Reps = 1, Weight = 315, Unit = "lb" })],
            new Dictionary<string, double> { ["Barbell_Squat"] = 140 });

        Assert.Equal(142.9, Assert.Single(records).E1rmKg);
    }

    [Fact]
    public void StreakDays_CountsConsecutiveDaysEndingTodayOrYesterday()
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        DateTimeOffset[] days = [now.AddDays(-1), now.AddDays(-2), now.AddDays(-3), now.AddDays(-5)];

        Assert.Equal(3, WorkoutMath.StreakDays(days, now));
        Assert.Equal(0, WorkoutMath.StreakDays([now.AddDays(-2)], now));
    }
}
