using CsCheck;
using FitCoach.Domain.Exercises;
using FitCoach.Infrastructure.Catalog;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Exercises;

/// <summary>The substitution engine over the shipped catalog: scenarios a lifter would check, and properties over every exercise.</summary>
public sealed class SubstitutionEngineTests
{
    private static readonly Lazy<JsonExerciseCatalog> Catalog = new(JsonExerciseCatalog.LoadEmbedded);
    private static readonly Lazy<SubstitutionEngine> Engine = new(() => new SubstitutionEngine(Catalog.Value.All));

    private static Exercise Get(string id) => Catalog.Value.Find(id) ?? throw new InvalidOperationException($"{id} is not in the catalog");

    private static SubstitutionResult Find(string id, string[]? equipment = null, string[]? injuries = null, int limit = 10) =>
        Engine.Value.Find(Get(id), new SubstitutionFilters(equipment, injuries ?? []), limit);

    [Theory]
    [InlineData("Barbell Squat", MovementPattern.Squat)]
    [InlineData("Goblet Squat", MovementPattern.Squat)]
    [InlineData("Romanian Deadlift", MovementPattern.Hinge)]
    [InlineData("Barbell Hip Thrust", MovementPattern.HipExtension)]
    [InlineData("Dumbbell Lunges", MovementPattern.Lunge)]
    [InlineData("Barbell Bench Press - Medium Grip", MovementPattern.HorizontalPush)]
    [InlineData("Pushups", MovementPattern.HorizontalPush)]
    [InlineData("Standing Military Press", MovementPattern.VerticalPush)]
    [InlineData("Wide-Grip Lat Pulldown", MovementPattern.VerticalPull)]
    [InlineData("Pullups", MovementPattern.VerticalPull)]
    [InlineData("Seated Cable Rows", MovementPattern.HorizontalPull)]
    [InlineData("Upright Barbell Row", MovementPattern.ShoulderIsolation)]
    [InlineData("Lying Leg Curls", MovementPattern.KneeFlexion)]
    [InlineData("Leg Extensions", MovementPattern.KneeExtension)]
    [InlineData("Dumbbell Bicep Curl", MovementPattern.ElbowFlexion)]
    [InlineData("Triceps Pushdown", MovementPattern.ElbowExtension)]
    [InlineData("Dips - Chest Version", MovementPattern.Dip)]
    [InlineData("Standing Calf Raises", MovementPattern.CalfRaise)]
    [InlineData("Power Clean", MovementPattern.Olympic)]
    [InlineData("Plank", MovementPattern.Core)]
    public void Pattern_IsReadFromTheName(string name, MovementPattern expected)
    {
        var exercise = Catalog.Value.All.FirstOrDefault(e => e.Name == name);
        Assert.True(exercise is not null, $"'{name}' is not in the catalog");
        Assert.Equal(expected, MovementPatterns.Of(exercise));
    }

    [Fact]
    public void BarbellSquat_WithDumbbellsOnly_GivesDumbbellSquatsFirst()
    {
        var result = Find("Barbell_Squat", [EquipmentVocabulary.Dumbbell]);

        Assert.NotEmpty(result.Substitutes);
        Assert.All(result.Substitutes, s => Assert.Equal(EquipmentVocabulary.Dumbbell, s.Exercise.Equipment));
        Assert.All(result.Substitutes, s => Assert.Contains("quadriceps", s.Exercise.PrimaryMuscles));
        Assert.All(result.Substitutes.Take(3), s => Assert.Equal(MovementPattern.Squat, MovementPatterns.Of(s.Exercise)));
        Assert.Contains("instead of a barbell", result.Substitutes[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchPress_WithDumbbells_LeadsWithADumbbellPress_AndScoresDescend()
    {
        var result = Find("Barbell_Bench_Press_-_Medium_Grip", [EquipmentVocabulary.Dumbbell]);

        Assert.Equal(MovementPattern.HorizontalPush, MovementPatterns.Of(result.Substitutes[0].Exercise));
        Assert.Contains("Press", result.Substitutes[0].Exercise.Name, StringComparison.Ordinal);
        Assert.Equal(result.Substitutes.Select(s => s.Similarity).OrderDescending(), result.Substitutes.Select(s => s.Similarity));
    }

    [Fact]
    public void LatPulldown_WithBodyweightOnly_GivesPullUpsOrChinUps()
    {
        var result = Find("Wide-Grip_Lat_Pulldown", [EquipmentVocabulary.Bodyweight], limit: 3);

        Assert.NotEmpty(result.Substitutes);
        Assert.All(result.Substitutes, s => Assert.Equal(MovementPattern.VerticalPull, MovementPatterns.Of(s.Exercise)));
    }

    [Fact]
    public void Squat_WithAKneeInjury_AvoidsKneeBendingPatterns_AndSaysWhy()
    {
        var result = Find("Barbell_Squat", injuries: ["knee"], limit: 50);

        Assert.DoesNotContain(result.Substitutes, s => MovementPatterns.Of(s.Exercise) is MovementPattern.Squat or MovementPattern.Lunge or MovementPattern.KneeExtension);
        Assert.NotEmpty(result.Avoided);
        Assert.All(result.Avoided, a => Assert.Contains("injured knee", a.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void RomanianDeadlift_WithALowerBackInjury_OffersNoHinge_ButKeepsTheHamstrings()
    {
        var result = Find("Romanian_Deadlift", injuries: ["lower_back"]);

        Assert.NotEmpty(result.Substitutes);
        Assert.All(result.Substitutes, s => Assert.NotEqual(MovementPattern.Hinge, MovementPatterns.Of(s.Exercise)));
        Assert.All(result.Substitutes, s => Assert.Contains("hamstrings", s.Exercise.PrimaryMuscles));
        Assert.Contains(result.Avoided, a => a.Reason.Contains("hip hinge", StringComparison.Ordinal));
    }

    [Fact]
    public void Deadlift_WithDumbbellsAndKettlebells_FallsBackToHingesThatWorkTheLowerBackAsAHelper()
    {
        // The catalog names the lower back as the barbell deadlift's main muscle and the hamstrings for its dumbbell
        // and kettlebell versions: with no main-muscle match, same-pattern helpers stand in, and say so.
        var result = Find("Barbell_Deadlift", [EquipmentVocabulary.Dumbbell, EquipmentVocabulary.Kettlebell]);

        Assert.NotEmpty(result.Substitutes);
        Assert.All(result.Substitutes, s => Assert.Equal(MovementPattern.Hinge, MovementPatterns.Of(s.Exercise)));
        Assert.All(result.Substitutes, s => Assert.Contains("as a helper", s.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void BenchPress_WithAShoulderInjury_OffersNoPressingAndNoPlyometricPushUps()
    {
        var result = Find("Barbell_Bench_Press_-_Medium_Grip", injuries: ["shoulder"], limit: 50);

        Assert.DoesNotContain(result.Substitutes, s => MovementPatterns.Of(s.Exercise) is MovementPattern.HorizontalPush or MovementPattern.Plyometric or MovementPattern.ChestFly or MovementPattern.Dip);
        var plyoPushUp = Catalog.Value.All.First(e => e.Name == "Plyo Push-up");
        Assert.Contains("upper-body jump or throw", InjuryLoads.Conflict(plyoPushUp, MovementPatterns.Of(plyoPushUp), "shoulder"), StringComparison.Ordinal);
    }

    [Fact]
    public void EquipmentNobodyListed_IsNeverUsed_NotEvenBodyweight()
    {
        var result = Find("Pullups", [EquipmentVocabulary.Cable], limit: 50);

        Assert.NotEmpty(result.Substitutes);
        Assert.All(result.Substitutes, s => Assert.Equal(EquipmentVocabulary.Cable, s.Exercise.Equipment));
    }

    /// <summary>Every exercise, any equipment set and any injuries: no substitute breaks a filter or is the exercise itself.</summary>
    [Fact]
    public void NoSubstitute_EverBreaksAFilter_AcrossTheCatalog()
    {
        var catalog = Catalog.Value.All;
        var regions = InjuryLoads.Regions.ToArray();
        var gen =
            from index in Gen.Int[0, catalog.Count - 1]
            from equipment in Gen.OneOf(EquipmentVocabulary.All.ToArray()).HashSet[0, 4]
            from anyEquipment in Gen.Bool
            from injuries in Gen.OneOf(regions).HashSet[0, 3]
            from limit in Gen.Int[1, SubstitutionEngine.MaxLimit]
            select (Exercise: catalog[index], Equipment: anyEquipment ? null : equipment, Injuries: injuries, Limit: limit);

        gen.Sample(c =>
        {
            var result = Engine.Value.Find(c.Exercise, new SubstitutionFilters(c.Equipment, c.Injuries), c.Limit);
            Assert.True(result.Substitutes.Count <= c.Limit);
            foreach (var s in result.Substitutes)
            {
                Assert.NotEqual(c.Exercise.Id, s.Exercise.Id);
                // The original's main muscle is a main muscle of the substitute, or (when fewer than three share it)
                // a helper muscle of the same movement pattern.
                Assert.True(
                    s.Exercise.PrimaryMuscles.Contains(c.Exercise.PrimaryMuscles[0])
                    || (s.Exercise.SecondaryMuscles.Contains(c.Exercise.PrimaryMuscles[0]) && MovementPatterns.Of(s.Exercise) == MovementPatterns.Of(c.Exercise)),
                    $"{s.Exercise.Name} does not work {c.Exercise.Name}'s main muscle ({c.Exercise.PrimaryMuscles[0]})");
                if (c.Equipment is not null)
                {
                    Assert.Contains(s.Exercise.Equipment, c.Equipment);
                }

                foreach (var region in c.Injuries)
                {
                    Assert.Null(InjuryLoads.Conflict(s.Exercise, MovementPatterns.Of(s.Exercise), region));
                }

                Assert.InRange(s.Similarity, 0, 1);
                Assert.False(string.IsNullOrWhiteSpace(s.Reason));
            }

            Assert.Equal(result.Substitutes.Select(s => s.Similarity).OrderDescending(), result.Substitutes.Select(s => s.Similarity));
        }, iter: 2_000);
    }
}
