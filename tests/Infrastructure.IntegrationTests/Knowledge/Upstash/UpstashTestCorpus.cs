using System.Globalization;
using FitCoach.Infrastructure.Knowledge;
using FitCoach.Infrastructure.Knowledge.Corpus;
using FitCoach.Infrastructure.Knowledge.Retrieval;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Upstash;

/// <summary>A small corpus in two namespaces, one document long enough to need several Upstash chunks.</summary>
public static class UpstashTestCorpus
{
    public const string Strength = "strength-training";
    public const string Recovery = "recovery";

    public static KnowledgeDocument ProgressiveOverload(string title = "Progressive overload: adding weight, reps and sets") => new(
        Strength,
        "strength-training/progressive-overload",
        title,
        ["progression", "overload"],
        ["Kraemer WJ, Ratamess NA (2004). Fundamentals of resistance training: progression and exercise prescription. Med Sci Sports Exerc 36(4):674-688."],
        [
            new("", "Progressive overload means doing a little more over time. Add weight when every set reaches the top of your rep range."),
            new("Double progression", "Work up from 8 to 12 reps at one weight, then add 2.5 kg and start again at 8 reps."),
        ]);

    /// <summary>A document whose one long section needs several chunks.</summary>
    public static KnowledgeDocument PlateauGuide(int sentences = 60) => new(
        Strength,
        "strength-training/plateau-guide",
        "Breaking a strength plateau",
        ["plateau"],
        ["Source one (2019).", "Source two (2021)."],
        [
            new("", "A plateau is weeks without progress on a lift."),
            new("What to change", string.Join(' ', Enumerable.Range(1, sentences).Select(i =>
                string.Create(CultureInfo.InvariantCulture, $"Step {i} explains how deload weeks, sleep, calories and exercise variation break a stubborn plateau.")))),
            new("When to see a coach", "If nothing moves for three months, ask a coach to watch your technique."),
        ]);

    public static KnowledgeDocument Sleep(string extra = "") => new(
        Recovery,
        "recovery/sleep-and-recovery",
        "Sleep and muscle recovery",
        ["sleep"],
        ["Walsh NP, Halson SL, Sargent C, et al. (2021). Sleep and the athlete. Br J Sports Med 55(7):356-368."],
        [new("", "Adults who train hard should sleep seven to nine hours. Sleep loss lowers strength and slows muscle protein synthesis." + extra)]);

    public static KnowledgeCorpus Create(params KnowledgeDocument[] documents) =>
        new(documents.Length > 0 ? documents : [ProgressiveOverload(), PlateauGuide(), Sleep()]);

    public static EmbeddedKnowledgeIndex Embedded(KnowledgeCorpus corpus) => new(new Bm25Index(corpus.Documents, new TextAnalyzer()));
}
