using Xunit;
using static FitCoach.Application.UnitTests.Voice.VoiceParser;

namespace FitCoach.Application.UnitTests.Voice;

/// <summary>Units, plates, decimals, number words and loads on bodyweight and dumbbell work.</summary>
public sealed class TranscriptParserLoadTests
{
    private const string Bench = "Barbell_Bench_Press_-_Medium_Grip";

    [Theory]
    [InlineData("bench 100 kg x 5", "kg")]
    [InlineData("bench 100kg x 5", "kg")]
    [InlineData("bench 100 kgs x 5", "kg")]
    [InlineData("bench 100 kilos x 5", "kg")]
    [InlineData("bench 100 kilograms x 5", "kg")]
    [InlineData("bench 100k x 5", "kg")]
    [InlineData("bench 100 lb x 5", "lb")]
    [InlineData("bench 100lbs x 5", "lb")]
    [InlineData("bench 100 pounds x 5", "lb")]
    [InlineData("bench 100# x 5", "lb")]
    public void Parse_SpokenUnit_IsKeptWhateverTheDefault(string transcript, string unit)
    {
        Assert.Equal([$"5r 100{unit}"], SetsOf(Parse(transcript, "kg"), Bench));
        Assert.Equal([$"5r 100{unit}"], SetsOf(Parse(transcript, "lb"), Bench));
    }

    [Theory]
    [InlineData("kg", "5r 100kg")]
    [InlineData("lb", "5r 100lb")]
    [InlineData("LBS", "5r 100lb")]
    [InlineData("pounds", "5r 100lb")]
    [InlineData("stone", "5r 100kg")]
    public void Parse_WhenNoUnitIsSaid_UsesTheDefaultUnit(string defaultUnit, string expected) =>
        Assert.Equal([expected], SetsOf(Parse("bench 100x5", defaultUnit), Bench));

    [Fact]
    public void Parse_WhenTheTranscriptNamesAUnitElsewhere_ItGovernsBareLoads()
    {
        var result = Parse("squat 100 kg for 5 then bench 80 for 5", "lb");

        Assert.Equal(["5r 100kg"], Describe(result.Exercises[0].Sets));
        Assert.Equal(["5r 80kg"], Describe(result.Exercises[1].Sets));
    }

    [Theory]
    [InlineData("bench a plate for 5", "lb", "5r 135lb")]
    [InlineData("bench 2 plates for 5", "lb", "5r 225lb")]
    [InlineData("bench three plates for 5", "lb", "5r 315lb")]
    [InlineData("bench four plates for 5", "lb", "5r 405lb")]
    [InlineData("bench one plate for 5", "kg", "5r 60kg")]
    [InlineData("bench 2 plates for 5", "kg", "5r 100kg")]
    [InlineData("bench 3 plates for 5", "kg", "5r 140kg")]
    [InlineData("bench 4 plates for 5", "kg", "5r 180kg")]
    [InlineData("bench two plates each side for 5", "lb", "5r 225lb")]
    [InlineData("bench a plate and a quarter for 5", "lb", "5r 185lb")]
    [InlineData("bench the bar with 25s for 5", "lb", "5r 95lb")]
    [InlineData("bench just the bar for 5", "kg", "5r 20kg")]
    public void Parse_Plates_AreABarLoadedInTheUnitInEffect(string transcript, string defaultUnit, string expected) =>
        Assert.Equal([expected], SetsOf(Parse(transcript, defaultUnit), Bench));

    [Theory]
    [InlineData("bench 62.5 kg for 5", "5r 62.5kg")]
    [InlineData("bench 62,5 kg for 5", "5r 62.5kg")]
    [InlineData("bench .5 kg for 5", "5r 0.5kg")]
    [InlineData("bench sixty two and a half kilos for five", "5r 62.5kg")]
    [InlineData("bench sixty two point five kilos for five", "5r 62.5kg")]
    [InlineData("bench a hundred and eighty five pounds for five", "5r 185lb")]
    [InlineData("bench two hundred twenty five pounds for five", "5r 225lb")]
    [InlineData("bench two twenty five for five", "5r 225lb")]
    [InlineData("bench four oh five for a single", "1r 405lb")]
    [InlineData("bench twenty-five kilos for twelve", "12r 25kg")]
    public void Parse_DecimalsAndNumberWords_AreReadAsLoads(string transcript, string expected) =>
        Assert.Equal([expected], SetsOf(Parse(transcript, "lb"), Bench));

    [Theory]
    [InlineData("pull-ups +45 x 6", "6r 45lb")]
    [InlineData("pull ups plus 45 for 6", "6r 45lb")]
    [InlineData("weighted pull ups 45 lbs for 6", "6r 45lb")]
    [InlineData("pull ups 6 reps with 45 pounds", "6r 45lb")]
    public void Parse_AddedLoadOnABodyweightMove_IsTheWeight(string transcript, string expected)
    {
        var exercise = Assert.Single(Parse(transcript, "lb").Exercises);

        Assert.Contains(exercise.ExerciseId, new[] { "Pullups", "Weighted_Pull_Ups" });
        Assert.Equal([expected], Describe(exercise.Sets));
    }

    [Fact]
    public void Parse_WeightedDips_AreDipsWithTheAddedLoad() =>
        Assert.Equal(["8r 25kg"], SetsOf(Parse("weighted dips with 25 kg for 8", "lb"), "Dips_-_Triceps_Version"));

    [Fact]
    public void Parse_AssistanceSaidAsANegativeLoad_KeepsTheRepsAndReturnsTheLoadAsUnparsed()
    {
        var result = Parse("Pull ups -55x5", "lb");

        Assert.Equal(["5r"], SetsOf(result, "Pullups"));
        Assert.Equal(["-55"], result.Unparsed);
    }

    [Fact]
    public void Parse_DumbbellLoad_IsTheWeightOfEachDumbbellAsSpoken() =>
        Assert.Equal(["10r 50lb"], SetsOf(Parse("shoulder press 10 reps with 50 lb dumbbells"), "Dumbbell_Shoulder_Press"));

    [Fact]
    public void Parse_NumberWithAnSForALift_IsAPairOfDumbbells() =>
        Assert.Equal(Repeat("12r 20lb", 3), SetsOf(Parse("3x12 lateral raises 20s", "lb"), "Side_Lateral_Raise"));

    [Fact]
    public void Parse_ZeroLoad_IsNoLoad() =>
        Assert.Equal(Repeat("5r", 5), SetsOf(Parse("Pull ups 0x5x5"), "Pullups"));
}
