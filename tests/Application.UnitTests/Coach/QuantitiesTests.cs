using FitCoach.Application.Features.Coach.AskCoach;
using Xunit;

namespace FitCoach.Application.UnitTests.Coach;

public sealed class QuantitiesTests
{
    [Theory]
    [InlineData("How much caffeine should I take before a workout?", QuantityKind.Dose)]
    [InlineData("whats a good protein intake for an 80kg guy", QuantityKind.PerBodyMass)]
    [InlineData("How many grams of creatine should I take daily?", QuantityKind.Mass)]
    [InlineData("How long should I rest between sets for strength?", QuantityKind.Duration)]
    [InlineData("how much sleep do I need to recover from training", QuantityKind.Duration)]
    [InlineData("How often should I deload?", QuantityKind.Frequency)]
    [InlineData("How many sets per muscle group per week should I do to grow?", QuantityKind.Sets)]
    [InlineData("what % of my running should be easy", QuantityKind.Percent)]
    [InlineData("How much can I safely increase my weekly running mileage?", QuantityKind.Percent)]
    [InlineData("How fast should I lose weight so I don't lose muscle?", QuantityKind.Rate)]
    [InlineData("How do I estimate my maximum heart rate?", QuantityKind.Formula)]
    [InlineData("what heart rate is zone 2", QuantityKind.HeartRate)]
    [InlineData("What ACWR is considered safe?", QuantityKind.Ratio)]
    [InlineData("What does RPE 8 mean?", QuantityKind.Reps)]
    [InlineData("What running cadence should I aim for?", QuantityKind.Cadence)]
    public void Asked_ReadsTheKindOfNumberTheQuestionWants(string question, QuantityKind expected)
    {
        Assert.True((Quantities.Asked(question) & expected) == expected, $"{Quantities.Asked(question)} lacks {expected}");
    }

    [Theory]
    [InlineData("Why do my knees cave in when I squat?")]
    [InlineData("Is creatine safe for teenagers?")]
    [InlineData("Should I stretch before lifting?")]
    [InlineData("what can I do instead of barbell squats, no rack at home")]
    [InlineData("How do I improve my range of motion?")]
    [InlineData("What is rate of perceived exertion?")]
    [InlineData("What is RIR in lifting?")]
    [InlineData("bench press setup: how much arch, leg drive, and where should the bar touch")]
    [InlineData("gained 8kg on my bulk and now around 15% bf. mini cut or keep bulking?")]
    public void Asked_QuestionThatAsksNoNumber_IsNone(string question)
    {
        Assert.Equal(QuantityKind.None, Quantities.Asked(question));
    }

    [Fact]
    public void Asked_HowOften_IsAFrequencyNotADuration()
    {
        var asked = Quantities.Asked("How often should I deload?");

        Assert.Equal(QuantityKind.None, asked & QuantityKind.Duration);
    }

    [Fact]
    public void Asked_ForAFormula_WantsTheEquationRatherThanAnyNumberOnTheTopic()
    {
        Assert.Equal(QuantityKind.Formula | QuantityKind.NamedFormula, Quantities.Asked("How do I work out my 1RM from a set of 5 reps?"));
        Assert.Equal(QuantityKind.Formula | QuantityKind.NamedFormula, Quantities.Asked("whats the formula for max hr"));
    }

    [Theory]
    [InlineData("The effective dose is 3–6 mg/kg body mass.", QuantityKind.PerBodyMass)]
    [InlineData("Gains levelled off at about 1.6 g/kg a day of protein.", QuantityKind.PerBodyMass)]
    [InlineData("A typical serving is 200 mg.", QuantityKind.Dose)]
    [InlineData("Take 3–5 g of creatine monohydrate a day.", QuantityKind.Mass)]
    [InlineData("Rest 3–5 minutes between heavy sets.", QuantityKind.Duration)]
    [InlineData("Most adults need seven to nine hours a night.", QuantityKind.Duration)]
    [InlineData("Deload every 4–6 weeks.", QuantityKind.Frequency)]
    [InlineData("Train each muscle 2–3 times a week.", QuantityKind.Frequency)]
    [InlineData("Do 10–20 hard sets per muscle per week.", QuantityKind.Sets)]
    [InlineData("Stop 1–3 reps short of failure.", QuantityKind.Reps)]
    [InlineData("RPE 8 means you had two reps in reserve.", QuantityKind.Reps)]
    [InlineData("Keep weekly increases under 10 %.", QuantityKind.Percent)]
    [InlineData("Cut the volume by about half.", QuantityKind.Percent)]
    [InlineData("Lose 0.5–1 % of body weight per week.", QuantityKind.Rate)]
    [InlineData("Easy runs sit at 60–70 % of HRmax.", QuantityKind.HeartRate)]
    [InlineData("Default: use Tanaka (208 − 0.7 × age) if you have nothing better.", QuantityKind.Formula)]
    [InlineData("Epley: 1RM = w × (1 + r/30).", QuantityKind.Formula)]
    [InlineData("Gabbett popularised a sweet spot of 0.8–1.3 and a danger zone of 1.5 or more.", QuantityKind.Ratio)]
    [InlineData("A deficit of about 500 kcal a day is a common start.", QuantityKind.Energy)]
    [InlineData("Most runners settle at 170–180 steps per minute.", QuantityKind.Cadence)]
    [InlineData("Averaging Epley and Brzycki is a sensible default.", QuantityKind.NamedFormula)]
    [InlineData("Add 2.5 kg to the bar each session.", QuantityKind.Load)]
    public void Stated_ReadsTheKindOfNumberInASentence(string sentence, QuantityKind expected)
    {
        Assert.True((Quantities.Stated(sentence) & expected) == expected, $"{Quantities.Stated(sentence)} lacks {expected}");
    }

    [Theory]
    [InlineData("Deload every 4–6 weeks.", QuantityKind.Duration)]
    [InlineData("Train each muscle 2–3 times a week.", QuantityKind.Duration)]
    [InlineData("Do 8–12 reps per set.", QuantityKind.Duration)]
    [InlineData("Run a half marathon before a full one.", QuantityKind.Percent)]
    [InlineData("Set: a group of consecutive reps, e.g. 3 × 8 = 3 sets of 8 reps.", QuantityKind.Formula)]
    public void Stated_DoesNotReadAFrequencyOrAWordAsAnotherKind(string sentence, QuantityKind notExpected)
    {
        Assert.Equal(QuantityKind.None, Quantities.Stated(sentence) & notExpected);
    }

    [Theory]
    [InlineData("Morton et al. (2018) pooled 49 trials.", QuantityKind.Number)]
    [InlineData("Caffeine helps most people train harder.", QuantityKind.None)]
    public void Stated_YearsAreNotQuantities(string sentence, QuantityKind expected)
    {
        Assert.Equal(expected, Quantities.Stated(sentence));
    }

    [Fact]
    public void Answers_OnlyANumberOfAnAskedKind()
    {
        Assert.True(Quantities.Answers(QuantityKind.Dose | QuantityKind.PerBodyMass, QuantityKind.PerBodyMass));
        Assert.False(Quantities.Answers(QuantityKind.Dose, QuantityKind.Duration | QuantityKind.Number));
        Assert.False(Quantities.Answers(QuantityKind.None, QuantityKind.Duration));
    }
}
