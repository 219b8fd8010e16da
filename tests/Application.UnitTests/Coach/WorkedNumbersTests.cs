using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Domain.Profiles;
using Xunit;

namespace FitCoach.Application.UnitTests.Coach;

public sealed class WorkedNumbersTests
{
    private static readonly UserProfile NoProfile = new();

    [Theory]
    [InlineData("benched 100kg for 5, what's my 1rm", "100 kg × 5 reps", "about 117 kg by Epley", "about 113 kg by Brzycki")]
    [InlineData("if I can do 100 x 5 what is my one rep max?", "100 × 5 reps", "about 117 by Epley", "about 113 by Brzycki")]
    [InlineData("did 8 reps with 60 kg on bench, estimate my 1 rep max", "60 kg × 8 reps", "about 76 kg by Epley", "about 74 kg by Brzycki")]
    [InlineData("squatted 140kg x 3 @ rpe 8, whats my e1rm", "at RPE 8 (about 2 reps left)", "counted as 5 reps to failure", "about 163 kg by Epley")]
    public void OneRepMax_IsWorkedOutFromTheSetTheQuestionGives(string question, string set, string epley, string brzycki)
    {
        var line = WorkedNumbers.For(question, NoProfile);

        Assert.NotNull(line);
        Assert.Contains(set, line, StringComparison.Ordinal);
        Assert.Contains(epley, line, StringComparison.Ordinal);
        Assert.Contains(brzycki, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how do I estimate my 1rm")] // no set given: the formula answers it
    [InlineData("benched 100kg for 15, what's my 1rm")] // past what the formulas were validated on
    [InlineData("I do 3 sets of 10 with 60kg, how do I progress?")] // asks no max
    [InlineData("what is the brzycki formula for one rep max")]
    public void OneRepMax_IsNotWorkedOut_WithoutASetOrBeyondTheFormulas(string question) =>
        Assert.Null(WorkedNumbers.For(question, NoProfile));

    [Fact]
    public void MaxHeartRate_UsesTheAgeInTheQuestion()
    {
        var line = WorkedNumbers.For("im 40, whats my max heart rate roughly", NoProfile);

        Assert.NotNull(line);
        Assert.Contains("at age 40", line, StringComparison.Ordinal);
        Assert.Contains("about 180 bpm by Tanaka", line, StringComparison.Ordinal);
        Assert.Contains("180 bpm by the older 220 − age", line, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxHeartRate_UsesTheProfileAge_AndNeverReadsABodyWeightAsAnAge()
    {
        var line = WorkedNumbers.For("I'm 80kg, what's my max heart rate?", new UserProfile { Age = 30 });

        Assert.NotNull(line);
        Assert.Contains("(30, from your profile)", line, StringComparison.Ordinal);
        Assert.Contains("about 187 bpm by Tanaka", line, StringComparison.Ordinal);
        Assert.DoesNotContain("80", line, StringComparison.Ordinal);
    }

    [Fact]
    public void TargetHeartRate_IsKarvonen_WhenARestingRateIsGiven()
    {
        var line = WorkedNumbers.For("im 30 with resting hr of 60, what's 70% heart rate reserve?", NoProfile);

        Assert.NotNull(line);
        Assert.Contains("heart-rate reserve is 127 bpm", line, StringComparison.Ordinal);
        Assert.Contains("≈ 149 bpm (Karvonen", line, StringComparison.Ordinal);
    }

    [Fact]
    public void TargetHeartRate_IsAShareOfTheMaximum_WithoutARestingRate()
    {
        var line = WorkedNumbers.For("what's 70% of max hr for a 50 year old", NoProfile);

        Assert.NotNull(line);
        Assert.Contains("about 173 bpm by Tanaka", line, StringComparison.Ordinal);
        Assert.Contains("70 % of that maximum is about 121 bpm", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what is my max heart rate")] // no age anywhere
    [InlineData("how much protein for an 80kg 40 year old")] // asks no heart rate
    [InlineData("im 4, whats my max heart rate")] // outside the ages the formulas were fitted on
    public void HeartRate_IsNotWorkedOut_WithoutAPlausibleAge_OrWhenNotAsked(string question) =>
        Assert.Null(WorkedNumbers.For(question, NoProfile));
}
