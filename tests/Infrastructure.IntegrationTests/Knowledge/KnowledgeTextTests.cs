using FitCoach.Infrastructure.Knowledge.Corpus;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge;

/// <summary>
/// Markdown to the plain text that is indexed, quoted in answers and embedded: a sentence quoted from a table row must
/// still say what its numbers are, so each cell goes under its column's heading.
/// </summary>
public sealed class KnowledgeTextTests
{
    [Fact]
    public void TableRow_CarriesItsColumnHeadings()
    {
        const string markdown = """
            | Exercise | Rest |
            |---|---|
            | Heavy compounds for strength (1–6 reps) | **3–5 min** |
            | Isolation exercises | 1–2 min |
            """;

        var plain = KnowledgeText.Plain(markdown);

        Assert.Equal("Heavy compounds for strength (1–6 reps) — Rest: 3–5 min.\nIsolation exercises — Rest: 1–2 min.", plain);
    }

    [Fact]
    public void TableRow_WithSeveralColumns_NamesEachCell_AndLeavesEmptyCellsOut()
    {
        const string markdown = """
            | Intensity | %HRR | %HRmax | Notes |
            |---|---|---|---|
            | Moderate | 40–59 | 64–76 |  |
            """;

        Assert.Equal("Moderate — %HRR: 40–59; %HRmax: 64–76.", KnowledgeText.Plain(markdown));
    }

    [Fact]
    public void TextAfterATable_IsNotTreatedAsARow_AndASecondTableUsesItsOwnHeadings()
    {
        const string markdown = """
            | Body mass | Dose |
            |---|---|
            | 60 kg | 180 mg |

            Doses toward 6 mg/kg exceed the cap.

            | Product | Caffeine |
            |---|---|
            | Espresso | 60–80 mg |
            """;

        var lines = KnowledgeText.Plain(markdown).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["Body mass 60 kg — Dose: 180 mg.", "Doses toward 6 mg/kg exceed the cap.", "Espresso — Caffeine: 60–80 mg."], lines);
    }

    [Fact]
    public void ARowLabelledByANumber_IsNamedByItsColumnHeading()
    {
        const string markdown = """
            | RPE | Reps in reserve (RIR) |
            |---|---|
            | 9 | 1 |
            | Max effort | 0 |
            """;

        Assert.Equal("RPE 9 — Reps in reserve (RIR): 1.\nMax effort — Reps in reserve (RIR): 0.", KnowledgeText.Plain(markdown));
    }

    [Fact]
    public void TableWithoutAHeaderRow_KeepsItsCellsAsTheyAre()
    {
        Assert.Equal("Squat — 3 × 5; 80 %.", KnowledgeText.Plain("| Squat | 3 × 5 | 80 % |"));
    }
}
