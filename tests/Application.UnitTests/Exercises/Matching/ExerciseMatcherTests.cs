using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Domain.Exercises;
using Xunit;

namespace FitCoach.Application.UnitTests.Exercises.Matching;

public sealed class ExerciseMatcherTests
{
    private const string BarbellBench = "Barbell_Bench_Press_-_Medium_Grip";

    [Fact]
    public void Match_WhenAbbreviationRdl_ReturnsRomanianDeadlift() =>
        Assert.Equal("Romanian_Deadlift", CatalogMatcher.BestId("RDL"));

    [Theory]
    [InlineData("SLDL", "Stiff-Legged_Barbell_Deadlift")]
    [InlineData("OHP", "Standing_Military_Press")]
    [InlineData("CGBP", "Close-Grip_Barbell_Bench_Press")]
    [InlineData("BSS", "Split_Squat_with_Dumbbells")]
    [InlineData("GHR", "Glute_Ham_Raise")]
    [InlineData("RDLs", "Romanian_Deadlift")]
    [InlineData("db bench", "Dumbbell_Bench_Press")]
    [InlineData("bb row", "Bent_Over_Barbell_Row")]
    [InlineData("kb swings", "One-Arm_Kettlebell_Swings")]
    [InlineData("HSPU", "Handstand_Push-Ups")]
    public void Match_WhenAbbreviation_ReturnsTheAbbreviatedLift(string query, string expectedId) =>
        Assert.Equal(expectedId, CatalogMatcher.BestId(query));

    [Theory]
    [InlineData("Katana Triceps Extension")]
    [InlineData("katana tricep extensions")]
    public void Match_WhenKatanaExtension_ReturnsACableTricepsExtension(string query)
    {
        var id = CatalogMatcher.BestId(query);

        Assert.NotNull(id);
        Assert.Contains("Tricep", id, StringComparison.Ordinal);
        Assert.True(id.Contains("Cable", StringComparison.Ordinal) || id.Contains("Pulley", StringComparison.Ordinal), id);
    }

    [Theory]
    [InlineData("bench", BarbellBench)]
    [InlineData("bench press", BarbellBench)]
    [InlineData("Bench Press", BarbellBench)]
    [InlineData("squat", "Barbell_Squat")]
    [InlineData("deadlift", "Barbell_Deadlift")]
    [InlineData("ohp", "Standing_Military_Press")]
    [InlineData("overhead press", "Standing_Military_Press")]
    [InlineData("military press", "Standing_Military_Press")]
    [InlineData("row", "Bent_Over_Barbell_Row")]
    [InlineData("curl", "Barbell_Curl")]
    [InlineData("pull up", "Pullups")]
    [InlineData("chin up", "Chin-Up")]
    public void Match_WhenBareLiftName_ReturnsTheCanonicalLift(string query, string expectedId) =>
        Assert.Equal(expectedId, CatalogMatcher.BestId(query));

    [Theory]
    [InlineData("squats", "Barbell_Squat")]
    [InlineData("deadlifts", "Barbell_Deadlift")]
    [InlineData("pull ups", "Pullups")]
    [InlineData("hammer curls", "Hammer_Curls")]
    [InlineData("face pulls", "Face_Pull")]
    [InlineData("crunches", "Crunches")]
    public void Match_WhenPlural_ReturnsTheSingularExercise(string query, string expectedId) =>
        Assert.Equal(expectedId, CatalogMatcher.BestId(query));

    [Theory]
    [InlineData("pullup", "Pullups")]
    [InlineData("push-ups", "Pushups")]
    [InlineData("chinup", "Chin-Up")]
    [InlineData("benchpress", BarbellBench)]
    [InlineData("lat pull down", "Wide-Grip_Lat_Pulldown")]
    [InlineData("latpulldown", "Wide-Grip_Lat_Pulldown")]
    [InlineData("sit ups", "Sit-Up")]
    public void Match_WhenHyphensOrSpacesDiffer_ReturnsTheSameExercise(string query, string expectedId) =>
        Assert.Equal(expectedId, CatalogMatcher.BestId(query));

    [Fact]
    public void Match_WhenSkullCrushersJoinedOrApart_ReturnsTheSameExercise()
    {
        var apart = CatalogMatcher.BestId("skull crushers");

        Assert.Equal("EZ-Bar_Skullcrusher", apart);
        Assert.Equal(apart, CatalogMatcher.BestId("skullcrushers"));
        Assert.Equal(apart, CatalogMatcher.BestId("Skull-Crusher"));
    }

    [Theory]
    [InlineData("dumbell bench press", "Dumbbell_Bench_Press")]
    [InlineData("deadlfit", "Barbell_Deadlift")]
    [InlineData("sqaut", "Barbell_Squat")]
    [InlineData("hamer curls", "Hammer_Curls")]
    [InlineData("romainian deadlift", "Romanian_Deadlift")]
    [InlineData("bench pres", BarbellBench)]
    [InlineData("latteral raises", "Side_Lateral_Raise")]
    [InlineData("smith machien squat", "Smith_Machine_Squat")]
    [InlineData("altrenating dumbbell curl", "Dumbbell_Alternate_Bicep_Curl")]
    public void Match_WhenMisspelt_ReturnsTheIntendedExercise(string query, string expectedId) =>
        Assert.Equal(expectedId, CatalogMatcher.BestId(query));

    [Fact]
    public void Match_WhenTricepExtentionMisspelt_ReturnsATricepsExtension()
    {
        var match = CatalogMatcher.Instance.BestMatch("tricep extention");

        Assert.NotNull(match);
        Assert.Contains("Triceps_Extension", match.Exercise.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("venture press", BarbellBench)]
    [InlineData("branch press", BarbellBench)]
    [InlineData("dead lift", "Barbell_Deadlift")]
    [InlineData("roman in deadlift", "Romanian_Deadlift")]
    [InlineData("scull crushers", "EZ-Bar_Skullcrusher")]
    [InlineData("lack pulldown", "Wide-Grip_Lat_Pulldown")]
    [InlineData("hammer girls", "Hammer_Curls")]
    [InlineData("squads", "Barbell_Squat")]
    [InlineData("r d l", "Romanian_Deadlift")]
    public void Match_WhenSpeechRecognitionMishears_ReturnsTheSpokenExercise(string query, string expectedId) =>
        Assert.Equal(expectedId, CatalogMatcher.BestId(query));

    [Theory]
    [InlineData("dumbbell bench", "Dumbbell_Bench_Press")]
    [InlineData("db rows", "One-Arm_Dumbbell_Row")]
    [InlineData("cable fly", "Cable_Crossover")]
    [InlineData("smith squat", "Smith_Machine_Squat")]
    [InlineData("ez bar curl", "EZ-Bar_Curl")]
    [InlineData("leg press machine", "Leg_Press")]
    public void Match_WhenQueryNamesEquipment_PrefersThatEquipment(string query, string expectedId) =>
        Assert.Equal(expectedId, CatalogMatcher.BestId(query));

    [Theory]
    [InlineData("hip thrusts", "Barbell_Hip_Thrust")]
    [InlineData("good mornings", "Good_Morning")]
    [InlineData("farmers walk", "Farmers_Walk")]
    [InlineData("farmer's walk", "Farmers_Walk")]
    [InlineData("shrugs", "Barbell_Shrug")]
    [InlineData("dips", "Dips_-_Triceps_Version")]
    [InlineData("muscle ups", "Muscle_Up")]
    [InlineData("pec deck", "Butterfly")]
    public void Match_WhenGymSlang_ReturnsTheCatalogExercise(string query, string expectedId) =>
        Assert.Equal(expectedId, CatalogMatcher.BestId(query));

    [Theory]
    [InlineData("incline db press", "Incline_Dumbbell_Press")]
    [InlineData("lat pulldowns wide grip", "Wide-Grip_Lat_Pulldown")]
    [InlineData("I did three sets of bench press", BarbellBench)]
    [InlineData("Bench Press (Dumbbell)", "Dumbbell_Bench_Press")]
    public void Match_WhenNameIsInsideAPhrase_ReturnsTheNamedExercise(string query, string expectedId) =>
        Assert.Equal(expectedId, CatalogMatcher.BestId(query));

    [Theory]
    [InlineData("asdfgh")]
    [InlineData("my car")]
    [InlineData("banana")]
    [InlineData("leg day")]
    [InlineData("walk the dog")]
    [InlineData("glutes")]
    public void BestMatch_WhenNonsense_ReturnsNull(string query) =>
        Assert.Null(CatalogMatcher.Instance.BestMatch(query));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("the of and")]
    public void Match_WhenNothingToMatch_ReturnsEmpty(string query) =>
        Assert.Empty(CatalogMatcher.Instance.Match(query));

    [Theory]
    [InlineData("bench press", "dumbbell", "Dumbbell_Bench_Press")]
    [InlineData("squat", "bodyweight", "Bodyweight_Squat")]
    [InlineData("curl", "cable", "Standing_Biceps_Cable_Curl")]
    [InlineData("shoulder press", "machine", "Leverage_Shoulder_Press")]
    [InlineData("bench press", "other", BarbellBench)]
    public void Match_WhenEquipmentHintGiven_PrefersThatEquipment(string query, string equipment, string expectedId) =>
        Assert.Equal(expectedId, CatalogMatcher.BestId(query, equipment));

    [Fact]
    public void Match_WhenQueryNamesOtherEquipmentThanHint_FollowsTheQuery() =>
        Assert.Equal("Barbell_Curl", CatalogMatcher.BestId("barbell curl", "dumbbell"));

    [Fact]
    public void Match_WhenEquipmentHintGiven_HasTheSameEffectAsNamingIt()
    {
        var hinted = CatalogMatcher.Instance.Match("hammer curl", "cable");
        var named = CatalogMatcher.Instance.Match("cable hammer curl");

        Assert.Equal(named.Select(m => (m.Exercise.Id, m.Score)), hinted.Select(m => (m.Exercise.Id, m.Score)));
    }

    [Fact]
    public void Match_WhenLimitGiven_ReturnsAtMostThatManyBestFirstWithScoresInRange()
    {
        var matches = CatalogMatcher.Instance.Match("dumbbell press", limit: 7);

        Assert.Equal(7, matches.Count);
        Assert.All(matches, m => Assert.InRange(m.Score, 0, 1));
        Assert.Equal(matches.OrderByDescending(m => m.Score).Select(m => m.Exercise.Id), matches.Select(m => m.Exercise.Id));
        Assert.Equal(matches.Count, matches.Select(m => m.Exercise.Id).Distinct().Count());
    }

    [Fact]
    public void Match_WhenExactCatalogName_ScoresOne()
    {
        var match = CatalogMatcher.Instance.BestMatch("Barbell Bench Press - Medium Grip");

        Assert.NotNull(match);
        Assert.Equal(BarbellBench, match.Exercise.Id);
        Assert.Equal(1.0, match.Score);
    }

    [Fact]
    public void Match_WhenLimitNotPositive_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CatalogMatcher.Instance.Match("squat", limit: 0));

    [Fact]
    public void Match_WhenCalledConcurrently_ReturnsTheSameAnswers()
    {
        string[] queries = ["bench", "db rows", "deadlfit", "venture press", "asdfgh", "skull crushers"];
        var expected = queries.Select(q => CatalogMatcher.BestId(q)).ToArray();
        var answers = new string?[queries.Length * 50];

        Parallel.For(0, answers.Length, i => answers[i] = CatalogMatcher.BestId(queries[i % queries.Length]));

        for (var i = 0; i < answers.Length; i++)
        {
            Assert.Equal(expected[i % queries.Length], answers[i]);
        }
    }

    [Fact]
    public void BestMatch_OverCustomExercises_MatchesTheUsersOwnNames()
    {
        var matcher = new ExerciseMatcher([Custom("c1", "Landmine Press"), Custom("c2", "Zercher Carry"), Custom("c3", "Jefferson Curl")]);

        Assert.Equal("c1", matcher.BestMatch("landmine presses")?.Exercise.Id);
        Assert.Equal("c2", matcher.BestMatch("zercher carries")?.Exercise.Id);
        Assert.Equal("c3", matcher.BestMatch("jefferson curls")?.Exercise.Id);
        Assert.Equal("c1", matcher.BestMatch("land mine press")?.Exercise.Id);
    }

    [Fact]
    public void BestMatch_OverCustomExercises_DoesNotStretchToUnrelatedNames()
    {
        var matcher = new ExerciseMatcher([Custom("c1", "Landmine Press"), Custom("c2", "Sandbag Over Shoulder")]);

        Assert.Null(matcher.BestMatch("bench press"));
        Assert.Null(matcher.BestMatch("press"));
        Assert.Null(matcher.BestMatch("shoulder"));
    }

    [Fact]
    public void BestMatch_OverCustomExercises_DoesNotUseCatalogAliases()
    {
        var matcher = new ExerciseMatcher([Custom("mine", "Pause Front Squat")]);

        Assert.Null(matcher.BestMatch("bench"));
        Assert.Equal("mine", matcher.BestMatch("paused front squats")?.Exercise.Id);
    }

    [Fact]
    public void Match_OverNoExercises_ReturnsEmpty() =>
        Assert.Empty(new ExerciseMatcher([]).Match("bench press"));

    private static Exercise Custom(string id, string name) =>
        new(id, name, EquipmentVocabulary.Other, [], [], "strength", "beginner", null, null) { OwnerId = "user-1" };
}
