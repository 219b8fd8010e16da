using FitCoach.Application.Features.Chat.Reading;
using Xunit;

namespace FitCoach.Application.UnitTests.Features;

public sealed class SwapTextReaderTests
{
    [Theory]
    [InlineData("no rack at home, swap my squats, I only have dumbbells", "squats")]
    [InlineData("can you replace bench press with something for my chest", "bench press")]
    [InlineData("what's a good alternative to lat pulldowns? no cable at my gym", "lat pulldowns")]
    [InlineData("I can't do pull ups yet, what else", "pull ups")]
    [InlineData("deadlifts hurt my lower back", "deadlifts")]
    [InlineData("need something instead of barbell rows", "barbell rows")]
    public void ThePhraseNamingTheExercise_IsFound(string message, string expected) =>
        Assert.Equal(expected, SwapTextReader.Read(message).ExercisePhrase);

    [Fact]
    public void OnlyDumbbells_AndNoRack_AllowDumbbellsAndRuleOutTheBarbell()
    {
        var read = SwapTextReader.Read("no rack at home, swap my squats, I only have dumbbells");

        Assert.Equal(["dumbbell"], read.Allowed!);
        Assert.Equal(["barbell"], read.Excluded);
        Assert.Empty(read.Injuries);
    }

    [Fact]
    public void TheExercisesOwnEquipmentWord_DoesNotAllowThatEquipment()
    {
        var read = SwapTextReader.Read("swap my barbell squats, I have kettlebells and bands");

        Assert.Equal(["bands", "kettlebell"], read.Allowed!.Order());
    }

    [Fact]
    public void OnlyANegation_AllowsEverythingElse()
    {
        var read = SwapTextReader.Read("alternative to lat pulldowns? no cable at my gym");

        Assert.DoesNotContain("cable", read.Allowed!);
        Assert.Contains("bodyweight", read.Allowed!);
        Assert.Equal(["cable"], read.Excluded);
    }

    [Fact]
    public void NothingSaidAboutEquipment_LimitsNothing_AndAPainfulRegionIsRead()
    {
        var read = SwapTextReader.Read("bench press kills my shoulder, what can I do instead?");

        Assert.Null(read.Allowed);
        Assert.Equal(["shoulder"], read.Injuries);
    }

    [Fact]
    public void NoEquipment_MeansBodyweight()
    {
        Assert.Equal(["bodyweight"], SwapTextReader.Read("swap my leg press, travelling with no equipment").Allowed!);
    }

    [Theory]
    [InlineData("upper back/rhomboid is tweaked, replace face pulls", new[] { "upper_back" })]
    [InlineData("rolled my ankle, cant do calf raises for a bit, swap?", new[] { "ankle" })]
    [InlineData("pulled my hamstring a bit, replace rdls", new[] { "hamstring" })]
    public void TheRegionsThatHurt_AreRead_NotTheExercisesOwnWords(string message, string[] expected) =>
        Assert.Equal(expected, SwapTextReader.Read(message).Injuries);

    [Fact]
    public void DoesntHave_RulesEquipmentOut()
    {
        Assert.Contains("machine", SwapTextReader.Read("gym doesnt have a hack squat machine, alternative?").Excluded);
    }
}
