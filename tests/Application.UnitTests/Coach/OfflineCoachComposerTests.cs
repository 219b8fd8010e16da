using FitCoach.Application.Common.Ports;
using FitCoach.Application.Features.Coach.AskCoach;
using FitCoach.Application.Common.UserContext;
using FitCoach.Domain.Profiles;
using FitCoach.Infrastructure.Knowledge.Retrieval;
using Xunit;

namespace FitCoach.Application.UnitTests.Coach;

public sealed class OfflineCoachComposerTests
{
    private static readonly OfflineCoachComposer Composer = new(new AnalyzerTextNormalizer(new TextAnalyzer()));

    private static readonly KnowledgePassage Protein = new("nutrition", "nutrition/protein", "How much protein", "Gains levelled off at about 1.6 g/kg a day.", 0.6)
    {
        Text = "The key number\nA meta-analysis of 49 trials found that gains in fat-free mass levelled off at about 1.6 g/kg a day of protein. The upper confidence limit was about 2.2 g/kg a day. Protein intakes above about 2.2 g/kg added no measurable protein benefit.\nWho it applies to\nThe trials covered men and women from their twenties to their seventies, training two to four times a week on whole-body programmes for eight to fifty-two weeks. Results were similar whether the extra intake came from food or from supplements, and whether it was taken around training or at other times of day. Beginners respond to protein much like trained lifters do when total intake is adequate.",
        References = ["Morton RW, et al. (2018). A systematic review... Br J Sports Med 52(6):376-384."],
    };

    private static readonly KnowledgePassage Timing = new("nutrition", "nutrition/timing", "Protein per meal", "About 0.4 g/kg per meal maximises muscle protein synthesis.", 0.55)
    {
        Text = "About 0.4 g/kg of protein per meal maximises muscle protein synthesis in one sitting for most people. Spread the day's protein over three to four meals.",
        References = ["Schoenfeld BJ, Aragon AA (2018). How much protein can the body use in a single meal? JISSN 15:10."],
    };

    private static readonly KnowledgePassage Creatine = new("nutrition-and-supplementation", "nutrition-and-supplementation/creatine", "Creatine", "3–5 g of creatine monohydrate a day saturates muscle stores.", 0.4)
    {
        Text = "Taking 3–5 g of creatine monohydrate a day saturates muscle stores within about four weeks. It is the most studied supplement for strength.",
        References = ["Kreider RB, et al. (2017). ISSN position stand: creatine. JISSN 14:18."],
    };

    private static UserContext Context(UserProfile? profile = null) => new(profile ?? new UserProfile(), TrainingSummary.Empty);

    [Fact]
    public void Compose_LeadsWithTheBestPassage_AndCitesEveryPassageItUses()
    {
        var answer = Composer.Compose("How much protein do I need a day?", [Protein, Timing, Creatine], Context(), []);

        Assert.StartsWith("A meta-analysis of 49 trials", answer.Text, StringComparison.Ordinal);
        Assert.Contains("[1]", answer.Text, StringComparison.Ordinal);
        Assert.Contains("[2]", answer.Text, StringComparison.Ordinal);
        Assert.Contains("[1] How much protein (nutrition) — Morton RW", answer.Text, StringComparison.Ordinal);
        Assert.Equal("nutrition/protein", answer.Cited[0].Id);
        Assert.DoesNotContain(answer.Cited, c => c.Id == Creatine.Id); // nothing in it is about the question
    }

    [Fact]
    public void Compose_TurnsPerKilogramAdviceIntoTheUsersGrams()
    {
        var answer = Composer.Compose("How much protein do I need a day?", [Protein, Timing], Context(new UserProfile { WeightKg = 90 }), []);

        Assert.Contains("At your body weight of about 90 kg, 1.6 g/kg a day works out to roughly 144 g a day.", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_UsesTheSentenceAddressedToTheUsersLevel()
    {
        var general = Composer.Compose("How much protein do I need?", [Protein, Timing], Context(), []);
        var answer = Composer.Compose("How much protein do I need?", [Protein, Timing], Context(new UserProfile { Experience = "beginner" }), []);

        Assert.DoesNotContain("Beginners respond", general.Text, StringComparison.Ordinal);
        Assert.Contains("As a beginner lifter, this applies to you: Beginners respond to protein", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WithAnEmptyProfile_AsksForOne()
    {
        var answer = Composer.Compose("How much protein do I need?", [Protein], Context(), []);

        Assert.Contains("add your goals, experience, equipment and any injuries to your profile", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WithNoPassages_SaysSo()
    {
        var answer = Composer.Compose("What is the airspeed of a swallow?", [], Context(), []);

        Assert.Empty(answer.Cited);
        Assert.Contains("could not find anything", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_RedFlagWords_AddTheSafetyNote()
    {
        var answer = Composer.Compose("I get numbness and tingling down my leg when I deadlift", [Protein], Context(), []);

        Assert.Contains("Safety:", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_IsDeterministic()
    {
        var first = Composer.Compose("How much protein per meal?", [Protein, Timing, Creatine], Context(), []);
        var second = Composer.Compose("How much protein per meal?", [Protein, Timing, Creatine], Context(), []);

        Assert.Equal(first.Text, second.Text);
    }

    [Fact]
    public void Compose_InjuredRegionTouchedByTheQuestion_AddsACaution()
    {
        var squat = new KnowledgePassage("squat-technique", "squat-technique/depth", "Squat depth", "Squat to the depth you control.", 0.5)
        {
            Text = "Squat to the depth you can control with a neutral spine. Box squats let you pick a pain-free depth for the knee.",
        };

        var answer = Composer.Compose("How deep should I squat?", [squat], Context(new UserProfile { Injuries = ["knee"] }), []);

        Assert.Contains("You have listed a knee problem", answer.Text, StringComparison.Ordinal);
    }

    private static readonly KnowledgePassage CaffeineAndSleep = new("recovery-and-performance", "recovery-and-performance/caffeine-and-sleep", "Caffeine timing and sleep", "Caffeine before training helps performance.", 0.62)
    {
        Text = "Caffeine before training helps performance but can cost sleep. Its half-life is about five hours, so an evening dose is still active at bedtime. The effective dose is 3–6 mg/kg body mass. Stop caffeine at least 6 hours before bed.",
    };

    private static readonly KnowledgePassage CaffeineDose = new("nutrition-and-supplementation", "nutrition-and-supplementation/caffeine-dose", "Caffeine dose for performance", "Caffeine improves endurance and strength.", 0.58)
    {
        Text = "Caffeine improves endurance and strength performance in most trials. Take 3–6 mg/kg of caffeine about 60 minutes before exercise. Doses of 9 mg/kg or more add side effects rather than benefit.",
    };

    private static readonly KnowledgePassage HeartRate = new("cardio-conditioning", "cardio-conditioning/max-heart-rate", "Max heart rate formulas", "Maximal heart rate varies between people.", 0.7)
    {
        Text = "Maximal heart rate varies by 10 to 12 beats between people of the same age, so any equation is an estimate. A field test gives your own number. Default: use Tanaka (208 − 0.7 × age) if you have nothing better. Recheck it once a year.",
    };

    [Fact]
    public void Compose_QuestionAskingForADose_LeadsWithTheSentenceStatingIt()
    {
        var answer = Composer.Compose("How much caffeine should I take before a workout?", [CaffeineAndSleep, Timing], Context(), []);

        Assert.StartsWith("The effective dose is 3–6 mg/kg body mass.", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_QuestionAskingForAFormula_LeadsWithTheEquation()
    {
        var answer = Composer.Compose("How do I estimate my maximum heart rate?", [HeartRate], Context(), []);

        Assert.StartsWith("Default: use Tanaka (208 − 0.7 × age)", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_AskedNumberIsInALowerPassage_LeadsWithItAndCitesThatPassage()
    {
        var first = CaffeineAndSleep with { Text = "Caffeine before training helps performance but can cost sleep. Its half-life is about five hours. Stop caffeine at least 6 hours before bed." };

        var answer = Composer.Compose("What dose of caffeine works before lifting?", [first, CaffeineDose], Context(), []);

        Assert.StartsWith("Take 3–6 mg/kg of caffeine about 60 minutes before exercise.", answer.Text, StringComparison.Ordinal);
        Assert.EndsWith("[2]", answer.Text.Split("\n\n")[0], StringComparison.Ordinal);
        Assert.Equal(CaffeineDose.Id, answer.Cited[0].Id);
    }

    [Fact]
    public void Compose_NumberOfAnotherKind_IsNotTakenForTheAnswer()
    {
        // "How long before bed" asks for a duration: the mg/kg sentence shares more words but is no answer to it.
        var answer = Composer.Compose("How long before bed should I stop caffeine?", [CaffeineAndSleep], Context(), []);

        Assert.StartsWith("Stop caffeine at least 6 hours before bed.", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_QuestionAskingNoNumber_KeepsTheMostRelevantSentenceFirst()
    {
        var answer = Composer.Compose("Does caffeine hurt my sleep?", [CaffeineAndSleep], Context(), []);

        Assert.StartsWith("Caffeine before training helps performance but can cost sleep.", answer.Text, StringComparison.Ordinal);
    }
}
