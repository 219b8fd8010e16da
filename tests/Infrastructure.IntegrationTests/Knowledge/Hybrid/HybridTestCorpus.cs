using FitCoach.Infrastructure.Knowledge.Corpus;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Hybrid;

/// <summary>
/// A small corpus whose wording is chosen against <see cref="FakeSemantics"/>: <see cref="FlexorGrowth"/> is about
/// making arms bigger without any of the words "arm", "bigger" or a BM25 synonym of them, so only vectors can connect it
/// to "how do I get bigger arms"; <see cref="ArmDayWarmUp"/> is the document the word "arm" finds.
/// </summary>
public static class HybridTestCorpus
{
    public const string Training = "training";
    public const string Recovery = "recovery";
    public const string Nutrition = "nutrition";

    public const string FlexorGrowth = "training/elbow-flexor-growth";
    public const string ArmDayWarmUp = "training/arm-day-warm-up";
    public const string DeadliftSetup = "training/deadlift-setup";
    public const string SleepQuality = "recovery/sleep-quality";

    public static IReadOnlyList<KnowledgeDocument> Documents { get; } =
    [
        Document(
            Training,
            FlexorGrowth,
            "Elbow flexor growth",
            ["flexors", "curls"],
            ("", "Curls through a full range load the elbow flexors. Hard sets close to failure, two or three times a week, enlarge them steadily."),
            ("Programming", "Pick two curl variations and add one set every fortnight while recovery holds.")),
        Document(
            Training,
            ArmDayWarmUp,
            "Warming up for arm day",
            ["warm-up"],
            ("", "Before arm training, two light sets of each exercise raise elbow temperature and rehearse the movement.")),
        Document(
            Training,
            DeadliftSetup,
            "Deadlift setup",
            ["deadlift", "technique"],
            ("", "Stand with the bar over mid-foot, hinge until your hands reach it, brace hard and push the floor away."),
            ("Common faults", "Jerking the bar off the floor and letting the hips shoot up first both cost position.")),
        Document(
            Training,
            "training/running-cadence",
            "Running cadence",
            ["running", "cadence"],
            ("", "A slightly higher step rate reduces overstriding and the load on the knees.")),
        Document(
            Training,
            "training/rest-between-sets",
            "Rest between sets",
            ["rest"],
            ("", "Two to three minutes between heavy sets keeps performance high; shorter rests suit isolation work.")),
        Document(
            Training,
            "training/grip-strength",
            "Grip strength",
            ["grip", "forearms"],
            ("", "Heavy holds and farmer carries train the forearms and the hands.")),
        Document(
            Recovery,
            SleepQuality,
            "Sleep and recovery",
            ["sleep"],
            ("", "Seven to nine hours of sleep a night supports training adaptation; a short nap helps after a poor night.")),
        Document(
            Recovery,
            "recovery/foam-rolling",
            "Foam rolling",
            ["foam rolling"],
            ("", "Rolling before training can briefly improve range of motion without costing strength.")),
        Document(
            Nutrition,
            "nutrition/protein-intake",
            "Protein intake",
            ["protein"],
            ("", "About 1.6 g of protein per kilogram of body weight a day covers most lifters.")),
        Document(
            Nutrition,
            "nutrition/creatine",
            "Creatine monohydrate",
            ["creatine"],
            ("", "Three to five grams a day, any time of day, saturates muscle stores within a month.")),
    ];

    private static KnowledgeDocument Document(
        string knowledgeNamespace, string id, string title, string[] tags, params (string Heading, string Text)[] sections) =>
        new(knowledgeNamespace, id, title, tags, [$"Test source for {id}."], [.. sections.Select(s => new KnowledgeSection(s.Heading, s.Text))]);
}
