using System.Globalization;
using System.Text.RegularExpressions;
using FitCoach.Infrastructure.Knowledge.Corpus;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge;

/// <summary>
/// No caffeine dose table in the shipped corpus may recommend more caffeine than the corpus itself calls safe. The
/// ceilings are read from the caffeine documents' prose, not hard-coded here: the single-dose ceiling is the mg figure
/// stated with "single dose" (about 200 mg, the EFSA figure), the daily ceiling the largest mg-per-day figure stated as
/// a limit (400 mg/day for healthy adults; the 200 mg/day pregnancy figure is a subgroup limit below it). Without a
/// stated single-dose ceiling, the daily one bounds single doses: before the 2026 audit the dose table listed 450 and
/// 540 mg single doses beside the document's own 400 mg/day.
/// </summary>
/// <remarks>
/// A caffeine document is one whose title or tags mention caffeine. In its Markdown tables, every mg amount in a body
/// row is checked against the single-dose ceiling, or against the daily ceiling when its column heading or row label
/// speaks of a day. A row that states no mg amount but pairs a body mass (e.g. "90 kg") with a mg/kg figure, in a cell
/// or in its column heading, counts as mg/kg times that mass. Rows that state the mg amount to take are judged on that
/// amount (a rounded "about 2.9 mg/kg" beside "200 mg" describes the 200 mg). Ranges count at their upper end.
/// </remarks>
public sealed partial class CaffeineDoseTableTests
{
    private const string ResourcePrefix = "knowledge/";

    private static readonly Lazy<IReadOnlyList<RawDocument>> CaffeineDocuments = new(ReadCaffeineDocuments);

    private sealed record RawDocument(string Id, string Body);

    private sealed record Violation(string Id, string Row, double Milligrams, string Ceiling, double Limit);

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*mg\s+(?:in\s+a\s+|as\s+a\s+|per\s+)?single[- ]dose|single[- ]dose[^.\d(]{0,40}?(\d+(?:\.\d+)?)\s*mg\b(?!\s*/\s*kg)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SingleDoseCeiling();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*mg\s*(?:/\s*day|per\s+day|a\s+day)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MilligramsPerDay();

    [GeneratedRegex(@"\b(?:safe|up\s+to|no\s+more\s+than|at\s+or\s+under|or\s+less|at\s+most|limit|ceiling|cap|keep)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LimitWording();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(?:\s*[–-]\s*(\d+(?:\.\d+)?))?\s*mg\b(?!\s*/\s*kg)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Milligrams();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(?:\s*[–-]\s*(\d+(?:\.\d+)?))?\s*mg\s*/\s*kg", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MilligramsPerKilogram();

    [GeneratedRegex(@"(?<![\d.])(\d+(?:\.\d+)?)\s*kg\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BodyMass();

    [GeneratedRegex(@"\b(?:day|daily|per\s+day|/\s*day)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PerDay();

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceBreak();

    [Fact]
    public void TheCorpus_HasCaffeineDocumentsThatStateASingleDoseAndADailyCeiling()
    {
        Assert.NotEmpty(CaffeineDocuments.Value);
        var (single, daily) = Ceilings(CaffeineDocuments.Value);

        Assert.True(single is not null, "no caffeine document states a single-dose ceiling (an mg figure with \"single dose\")");
        Assert.True(daily is not null, "no caffeine document states a daily ceiling (an mg/day figure worded as a limit)");
        Assert.True(single <= daily, $"the single-dose ceiling ({single} mg) is above the daily ceiling ({daily} mg)");
    }

    [Fact]
    public void NoCaffeineDoseTable_ExceedsTheSingleDoseOrDailyCeilingTheCorpusStates()
    {
        var (single, daily) = Ceilings(CaffeineDocuments.Value);
        Assert.True(single is not null || daily is not null, "the corpus states no caffeine ceilings to check the tables against");

        // A single dose may never exceed a whole day's ceiling, so without a stated single-dose ceiling the daily one bounds it.
        var singleLimit = Math.Min(single ?? double.MaxValue, daily ?? double.MaxValue);
        var dailyLimit = daily ?? double.MaxValue;
        var violations = CaffeineDocuments.Value.SelectMany(d => Violations(d, singleLimit, dailyLimit)).ToList();

        Assert.True(
            violations.Count == 0,
            string.Join(Environment.NewLine, violations.Select(v => $"{v.Id}: {v.Milligrams} mg is above the {v.Ceiling} ceiling of {v.Limit} mg in row \"{v.Row}\"")));
    }

    [Fact]
    public void TheTableCheck_CatchesSingleDosesAboveTheCeilingAndMgPerKgTimesBodyMass()
    {
        // The dose table as it stood before the 2026 audit: a 6 mg/kg column of 360-540 mg single doses.
        const string before = """
            | Body mass | 3 mg/kg | 6 mg/kg |
            |---|---|---|
            | 60 kg | 180 mg | 360 mg |
            | 75 kg | 225 mg | 450 mg |
            | 90 kg | 270 mg | 540 mg |
            """;
        const string perKilogramOnly = """
            | Body mass | Dose |
            |---|---|
            | 90 kg | 6 mg/kg |
            """;
        const string perDayColumn = """
            | Source | Per day |
            |---|---|
            | Coffee, 4 cups | 320 mg |
            | Coffee, 6 cups | 480 mg |
            """;

        double[] overSingleDose = [225, 270, 360, 450, 540];
        double[] overByMgPerKg = [540];
        double[] overDaily = [480];

        Assert.Equal(overSingleDose, Violations(new RawDocument("before", before), 200, 400).Select(v => v.Milligrams).Order());
        Assert.Equal(overByMgPerKg, Violations(new RawDocument("mg/kg", perKilogramOnly), 200, 400).Select(v => v.Milligrams));
        Assert.Equal(overDaily, Violations(new RawDocument("per day", perDayColumn), 200, 400).Select(v => v.Milligrams));
    }

    private static (double? Single, double? Daily) Ceilings(IEnumerable<RawDocument> documents)
    {
        double? single = null, daily = null;
        foreach (var sentence in documents.SelectMany(d => Sentences(d.Body)))
        {
            foreach (Match m in SingleDoseCeiling().Matches(sentence))
            {
                var value = Number(m.Groups[1].Success ? m.Groups[1] : m.Groups[2]);
                single = Math.Max(single ?? 0, value);
            }

            if (LimitWording().IsMatch(sentence))
            {
                foreach (Match m in MilligramsPerDay().Matches(sentence))
                {
                    daily = Math.Max(daily ?? 0, Number(m.Groups[1]));
                }
            }
        }

        return (single, daily);
    }

    private static IEnumerable<Violation> Violations(RawDocument document, double single, double daily)
    {
        foreach (var table in Tables(document.Body))
        {
            var headings = table.Headings;
            foreach (var cells in table.Rows)
            {
                var row = string.Join(" | ", cells);
                var rowPerDay = cells.Count > 0 && PerDay().IsMatch(cells[0]);
                var stated = false;
                for (var i = 0; i < cells.Count; i++)
                {
                    var perDay = rowPerDay || (i < headings.Count && PerDay().IsMatch(headings[i]));
                    foreach (Match m in Milligrams().Matches(cells[i]))
                    {
                        stated = true;
                        var mg = UpperEnd(m);
                        if (mg > (perDay ? daily : single))
                        {
                            yield return new Violation(document.Id, row, mg, perDay ? "daily" : "single-dose", perDay ? daily : single);
                        }
                    }
                }

                var mass = cells.Select(c => BodyMass().Match(c)).FirstOrDefault(m => m.Success);
                if (stated || mass is null)
                {
                    continue;
                }

                var kilograms = Number(mass.Groups[1]);
                for (var i = 0; i < cells.Count; i++)
                {
                    var perKg = MilligramsPerKilogram().Match(cells[i]);
                    if (!perKg.Success && i < headings.Count && !cells[i].Any(char.IsLetter))
                    {
                        perKg = MilligramsPerKilogram().Match(headings[i]);
                    }

                    if (!perKg.Success)
                    {
                        continue;
                    }

                    var perDay = rowPerDay || (i < headings.Count && PerDay().IsMatch(headings[i]));
                    var mg = Math.Round(UpperEnd(perKg) * kilograms, 1);
                    if (mg > (perDay ? daily : single))
                    {
                        yield return new Violation(document.Id, row, mg, perDay ? "daily" : "single-dose", perDay ? daily : single);
                    }
                }
            }
        }
    }

    private sealed record Table(IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<string>> Rows);

    private static IEnumerable<Table> Tables(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!lines[i].StartsWith('|') || i + 1 >= lines.Count || !IsSeparator(lines[i + 1]))
            {
                continue;
            }

            var headings = Cells(lines[i]);
            var rows = new List<IReadOnlyList<string>>();
            var j = i + 2;
            for (; j < lines.Count && lines[j].StartsWith('|'); j++)
            {
                rows.Add(Cells(lines[j]));
            }

            yield return new Table(headings, rows);
            i = j - 1;
        }
    }

    private static List<string> Cells(string line) =>
        [.. line.Trim().Trim('|').Split('|').Select(c => c.Replace("**", "", StringComparison.Ordinal).Trim())];

    private static bool IsSeparator(string line) =>
        line.StartsWith('|') && line.Replace("|", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)
            .Replace(":", "", StringComparison.Ordinal).Trim().Length == 0;

    private static IEnumerable<string> Sentences(string markdown) =>
        markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim())
            .Where(l => !l.StartsWith('|'))
            .Select(l => l.Replace("**", "", StringComparison.Ordinal))
            .SelectMany(l => SentenceBreak().Split(l))
            .Where(s => s.Length > 0);

    private static double UpperEnd(Match m) => Number(m.Groups[2].Success ? m.Groups[2] : m.Groups[1]);

    private static double Number(Group g) => double.Parse(g.Value, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<RawDocument> ReadCaffeineDocuments()
    {
        var assembly = typeof(KnowledgeCorpus).Assembly;
        var documents = new List<RawDocument>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var relative = name[ResourcePrefix.Length..].Replace('\\', '/');
            var slash = relative.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var markdown = reader.ReadToEnd();
            var parsed = MarkdownDocumentReader.Read(relative[..slash], relative[(slash + 1)..], markdown);
            var aboutCaffeine = parsed.Title.Contains("caffeine", StringComparison.OrdinalIgnoreCase)
                || parsed.Tags.Any(t => t.Contains("caffeine", StringComparison.OrdinalIgnoreCase));
            if (aboutCaffeine)
            {
                documents.Add(new RawDocument(parsed.Id, Body(markdown)));
            }
        }

        return documents;
    }

    /// <summary>The raw Markdown after the front matter (tables intact, unlike the reader's plain-text sections).</summary>
    private static string Body(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var close = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        return string.Join('\n', lines.Skip(close + 1));
    }
}
