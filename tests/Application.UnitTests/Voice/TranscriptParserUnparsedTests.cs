using System.Text;
using Xunit;
using static FitCoach.Application.UnitTests.Voice.VoiceParser;

namespace FitCoach.Application.UnitTests.Voice;

/// <summary>What cannot be read is handed back, absurd values are refused, and no input breaks the parser.</summary>
public sealed class TranscriptParserUnparsedTests
{
    [Theory]
    [InlineData("asdf qwerty")]
    [InlineData("hello how are you")]
    [InlineData("what should I eat after training")]
    public void Parse_Nonsense_ReadsNothingAndReturnsItAllAsUnparsed(string transcript)
    {
        var result = Parse(transcript);

        Assert.Empty(result.Exercises);
        Assert.Equal([transcript], result.Unparsed);
    }

    [Theory]
    [InlineData("a 5000 kg squat")]
    [InlineData("1000 reps of curls")]
    [InlineData("squat 3x5 at 700 kg")]
    [InlineData("deadlift 2000 pounds for 1")]
    [InlineData("bench 30 sets of 10")]
    [InlineData("bench 3x101")]
    [InlineData("bench 100 kg for 5 at rpe 15")]
    [InlineData("bench 100 kg for 5 at rpe 0.5")]
    [InlineData("curls 3x10 rir 12")]
    [InlineData("plank for 7 hours")]
    [InlineData("ran 5000 km")]
    public void Parse_AbsurdValue_StoresNoSetAndReturnsTheSpanAsUnparsed(string transcript)
    {
        var result = Parse(transcript);

        Assert.Empty(result.Exercises);
        Assert.NotEmpty(result.Unparsed);
    }

    [Theory]
    [InlineData("squat 100 5 3")]
    [InlineData("squat 100 kg 5 3")]
    [InlineData("deadlift 200 3 2")]
    [InlineData("bench 8 10")]
    [InlineData("bench 60 80")]
    [InlineData("overhead press 40 8 and 45 6")]
    public void Parse_WhenBareNumbersCouldBeRepsOrLoadOrSets_StoresNoSetAndReturnsThemAsUnparsed(string transcript)
    {
        var result = Parse(transcript);

        Assert.Empty(result.Exercises);
        Assert.Equal([transcript], result.Unparsed);
    }

    [Theory]
    [InlineData("bench sets of 10 at 60")]
    [InlineData("curls several sets of 12 with 15 kg")]
    [InlineData("plank a few sets of 45 seconds")]
    public void Parse_WhenSetsAreSaidWithoutHowMany_StoresNoSetAndReturnsThemAsUnparsed(string transcript)
    {
        var result = Parse(transcript);

        Assert.Empty(result.Exercises);
        Assert.NotEmpty(result.Unparsed);
    }

    [Fact]
    public void Parse_WhenTheCountOfSetsIsSaidApart_ReadsTheSetsOfThatCount() =>
        Assert.Equal(Repeat("10r 60kg", 3), SetsOf(Parse("bench 3 sets. sets of 10 at 60"), "Barbell_Bench_Press_-_Medium_Grip"));

    [Fact]
    public void Parse_WhenANumberIsLeftAfterSureSets_KeepsTheSetsAndReturnsTheNumber()
    {
        var result = Parse("squat 3x5 at 100 7");

        Assert.Equal(Repeat("5r 100kg", 3), SetsOf(result, "Barbell_Squat"));
        Assert.Equal(["7"], result.Unparsed);
    }

    [Fact]
    public void Parse_WhenALoadIsSaidForASetThatHasOne_ReturnsItAsUnparsed()
    {
        var result = Parse("squat 135x10 at 60");

        Assert.Equal(["10r 135kg"], SetsOf(result, "Barbell_Squat"));
        Assert.Equal(["60"], result.Unparsed);
    }

    [Fact]
    public void Parse_WhenALoadListComesAfterEverySetHasALoad_ReturnsTheListAsUnparsed()
    {
        var result = Parse("bench 3x5 at 100 kg, 80, 90");

        Assert.Equal(Repeat("5r 100kg", 3), SetsOf(result, "Barbell_Bench_Press_-_Medium_Grip"));
        Assert.Equal(["80, 90"], result.Unparsed);
    }

    [Fact]
    public void Parse_AbsurdSetInARamp_DropsOnlyThatSet()
    {
        var result = Parse("squat 100x5, 1000x3, 110x3");

        Assert.Equal(["5r 100kg", "3r 110kg"], SetsOf(result, "Barbell_Squat"));
        Assert.Equal(["1000x3"], result.Unparsed);
    }

    [Fact]
    public void Parse_AbsurdExerciseBesideAGoodOne_KeepsTheGoodOne()
    {
        var result = Parse("bench 100x5 then 1000 reps of curls");

        Assert.Equal(["5r 100kg"], SetsOf(result, "Barbell_Bench_Press_-_Medium_Grip"));
        Assert.Equal(["1000 reps of curls"], result.Unparsed);
    }

    [Fact]
    public void Parse_UnknownExercise_IsUnparsedWithItsNumbers()
    {
        var result = Parse("I did 10 squats and 1 minute dead hang");

        Assert.Equal(["10r"], SetsOf(result, "Barbell_Squat"));
        Assert.Equal(["1 minute dead hang"], result.Unparsed);
    }

    [Theory]
    [InlineData("Squat 135x5, 200x3 (light leg day)", "light")]
    [InlineData("bench 3x5 at 100 kg felt heavy", "felt heavy")]
    [InlineData("3x10 pull ups (90s rest)", "90s rest")]
    [InlineData("bench 3x5 at 80% of my max", "80%")]
    [InlineData("treadmill walk 20 minutes at incline 12", "incline 12")]
    [InlineData("bench 3x8-12 at 60 kg", "8-12")]
    public void Parse_CommentsRestAndPercentages_AreKeptAsUnparsed(string transcript, string fragment)
    {
        var result = Parse(transcript);

        Assert.Single(result.Exercises);
        Assert.Contains(result.Unparsed, text => text.Contains(fragment, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n")]
    [InlineData(null)]
    public void Parse_EmptyTranscript_ReadsNothing(string? transcript)
    {
        var result = Parse(transcript!);

        Assert.Empty(result.Exercises);
        Assert.Empty(result.Unparsed);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("3x")]
    [InlineData("@")]
    [InlineData("+ + + x x x")]
    [InlineData("1:30:00:00")]
    [InlineData("99999999999999999999999999999x99999999999999999999")]
    [InlineData("5-")]
    [InlineData("bench -")]
    [InlineData("and then and then then")]
    [InlineData("rpe rir sets reps kg lb")]
    [InlineData("squat 3 sets of")]
    [InlineData("for at with of in")]
    [InlineData("\u00d7\u2013\u2019\u00e9\u00e8 \ud83d\udcaa 100kg")]
    public void Parse_DegenerateInput_DoesNotThrow(string transcript)
    {
        var result = Parse(transcript);

        Assert.NotNull(result);
    }

    [Fact]
    public void Parse_RandomInput_NeverThrows()
    {
        string[] pieces =
        [
            "bench", "squat", "3", "x", "8", "100", "kg", "lb", "for", "at", "@", "rpe", "rir", ",", "and", "then", "+",
            "-", "sets", "of", "reps", "plates", "a", "hundred", "seconds", "1:30", "k", "s", "each", "side", "warm", "up",
            "amrap", "to", "failure", ".", ":", "(", ")", "the", "bar", "with", "25s", "last", "set", "xx", "%", "0", "9999",
        ];
        var random = new Random(20260801);
        for (var round = 0; round < 2000; round++)
        {
            var builder = new StringBuilder();
            var length = random.Next(1, 25);
            for (var k = 0; k < length; k++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]).Append(random.Next(3) == 0 ? "" : " ");
            }

            var result = Parse(builder.ToString(), random.Next(2) == 0 ? "kg" : "lb");

            Assert.All(result.Exercises.SelectMany(exercise => exercise.Sets), set =>
            {
                Assert.True(set.Reps is null or (>= 0 and <= 100));
                Assert.True(set.Rpe is null or (>= 1 and <= 10));
            });
        }
    }

    [Fact]
    public void Parse_TenKilobyteTranscript_IsSafeAndReturnsTheRestAsUnparsed()
    {
        var builder = new StringBuilder();
        while (builder.Length < 10_000)
        {
            builder.Append("bench 100x5, squat 3x5 at 140 kg then felt great asdf ");
        }

        // Its cost is measured by TranscriptParserBenchmarks.ParseTenKilobytes, not timed here: a timed unit test
        // fails on a loaded machine (it did, at 3.3 s, with the whole suite sharing two cores).
        var result = Parse(builder.ToString());

        Assert.NotEmpty(result.Exercises);
        Assert.NotEmpty(result.Unparsed);
        Assert.True(result.Unparsed[^1].Length > 5000, "The text beyond the limit is returned as unparsed.");
    }

    [Fact]
    public void Parse_TenKilobytesWithoutSpaces_IsSafe()
    {
        var result = Parse(new string('9', 10_000) + "x" + new string('a', 10_000));

        Assert.Empty(result.Exercises);
        Assert.NotEmpty(result.Unparsed);
    }
}
