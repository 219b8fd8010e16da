using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Coach;

/// <summary>
/// "Answers that answer" (issue #10, item 7), end to end offline: factual questions ("how much caffeine before a
/// workout", "how do I estimate my max heart rate") are posted once each to <c>POST /api/coach/ask</c>, and an answer
/// counts when its text before the source list states the key number or formula (any pattern of the case's
/// <c>accept</c> list, case-insensitive). Both sets were written without looking at the corpus: coach-facts.json
/// (its <c>holdout</c> cases scored only before and after the composer's changes, never while tuning it) and
/// coach-facts-second.json (stricter patterns, from a writer who read nothing of the project).
/// The bars sit a little below what the offline coach reaches today (docs/BENCHMARKS.md, "Coach: answers that
/// answer"): the misses left are mostly questions whose top passages do not hold the fact in the asked unit.
/// </summary>
public sealed class CoachFactsTests(CoachFactsFixture facts, ITestOutputHelper output) : IClassFixture<CoachFactsFixture>
{
    /// <summary>Measured 44/46 (95.7 %) with the corpus's "In short" summaries; 41/46 before them; 35/46 before the composer led with the asked number.</summary>
    private const double RequiredTrainRate = 0.90;

    /// <summary>Measured 18/20 (90.0 %) with the summaries; 17/20 with hybrid retrieval and the first gap documents; 14/20 before.</summary>
    private const double RequiredHoldoutRate = 0.80;

    /// <summary>
    /// Measured 122/156 (78.2 %) over both sets with the summaries; on the first set 56/66 with them, 48/66 once
    /// retrieval became hybrid, 32/66 before the composer led with the asked number.
    /// </summary>
    private const double RequiredLeadRate = 0.72;

    /// <summary>
    /// The second set (coach-facts-second.json, 90 questions, 2026-12-08), written by a helper who read nothing of the
    /// project, with stricter patterns (units required, neighbouring numbers fenced off): 55/90 (61.1 %) at first
    /// contact, 76/90 (84.4 %) with the "In short" summaries, table headings and the second gap documents.
    /// </summary>
    private const double RequiredSecondRate = 0.78;

    private const int MinimumCases = 150;

    [Fact]
    public void FactualQuestions_StateTheKeyFactBeforeTheSources()
    {
        var results = facts.RequireAnswers();
        Report(results);

        Assert.True(results.Count >= MinimumCases, $"The fact set has only {results.Count} questions.");
        foreach (var (set, required) in new[] { ("train", RequiredTrainRate), ("holdout", RequiredHoldoutRate), ("second", RequiredSecondRate) })
        {
            var inSet = results.Where(r => r.Case.Set == set).ToList();
            var rate = (double)inSet.Count(r => r.Stated) / inSet.Count;
            Assert.True(rate >= required, string.Create(CultureInfo.InvariantCulture,
                $"Only {rate:P1} of the {set} answers state the key fact:{Environment.NewLine}{Misses(inSet, r => r.Stated)}"));
        }
    }

    [Fact]
    public void FactualQuestions_LeadWithTheKeyFact()
    {
        var results = facts.RequireAnswers();
        var rate = (double)results.Count(r => r.Leads) / results.Count;

        Assert.True(rate >= RequiredLeadRate, string.Create(CultureInfo.InvariantCulture,
            $"Only {rate:P1} of the answers state the key fact in their first paragraph:{Environment.NewLine}{Misses(results, r => r.Leads)}"));
    }

    private void Report(IReadOnlyList<FactResult> results)
    {
        foreach (var set in results.GroupBy(r => r.Case.Set))
        {
            var list = set.ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{set.Key}: {list.Count(r => r.Stated)}/{list.Count} state the key fact ({(double)list.Count(r => r.Stated) / list.Count:P1}), {list.Count(r => r.Leads)}/{list.Count} in the first paragraph"));
        }

        output.WriteLine(Misses(results, r => r.Stated));
    }

    private static string Misses(IEnumerable<FactResult> results, Func<FactResult, bool> passed)
    {
        var sb = new StringBuilder();
        foreach (var r in results.Where(r => !passed(r)))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"[{r.Case.Set}] '{r.Case.Question}' ({r.Case.Fact})");
            sb.AppendLine(CultureInfo.InvariantCulture, $"    leads: {Shorten(r.Lead, 300)}");
        }

        return sb.ToString();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}

/// <summary>Posts every fact question once (as one unlimited-tier user with no profile) and keeps the judged answers.</summary>
public sealed class CoachFactsFixture : IAsyncLifetime
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly ApiFactory _factory = new();
    private string? _unavailable;

    public IReadOnlyList<FactResult> Answers { get; private set; } = [];

    public IReadOnlyList<FactResult> RequireAnswers()
    {
        Assert.True(_unavailable is null, _unavailable);
        return Answers;
    }

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var cases = new List<FactQuestion>();
        foreach (var file in new[] { "coach-facts.json", "coach-facts-second.json" })
        {
            await using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Coach", file));
            cases.AddRange(await JsonSerializer.DeserializeAsync<List<FactQuestion>>(stream, JsonOptions, cancellation)
                ?? throw new InvalidOperationException($"{file} is empty."));
        }

        using var client = await _factory.ClientForAsync(ApiFactory.NewUserId("coach-facts"), "unlimited");
        await _factory.WaitUntilHybridAsync(); // judged on what a running app serves, not on whichever retrieval the first second has
        var results = new List<FactResult>(cases.Count);
        foreach (var question in cases)
        {
            using var response = await client.PostAsJsonAsync("/api/coach/ask", new { question = question.Question }, cancellation);
            if (!response.IsSuccessStatusCode)
            {
                _unavailable = $"POST /api/coach/ask returned {(int)response.StatusCode} for '{question.Question}': {await response.Content.ReadAsStringAsync(cancellation)}";
                return;
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>(JsonOptions, cancellation);
            results.Add(FactResult.Judge(question, body.GetProperty("answer").GetString() ?? ""));
        }

        Answers = results;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();
}

/// <summary>A factual question, the fact it asks for, its set (<c>train</c> or <c>holdout</c>) and the patterns that state the fact.</summary>
public sealed record FactQuestion(string Question, string Fact, string Set, IReadOnlyList<string> Accept);

public sealed partial record FactResult(FactQuestion Case, string Answer, string Lead, bool Stated, bool Leads)
{
    /// <summary>The heading of the trailing reference list; what follows it lists sources rather than answering.</summary>
    [GeneratedRegex(@"^\s*(sources|references)\s*:?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex ReferenceListHeading();

    public static FactResult Judge(FactQuestion question, string answer)
    {
        var references = ReferenceListHeading().Match(answer);
        var prose = references.Success ? answer[..references.Index] : answer;
        var paragraphEnd = prose.IndexOf("\n\n", StringComparison.Ordinal);
        var lead = paragraphEnd < 0 ? prose : prose[..paragraphEnd];
        var patterns = question.Accept.Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).ToList();
        return new FactResult(question, answer, lead.Trim(), patterns.Exists(p => p.IsMatch(prose)), patterns.Exists(p => p.IsMatch(lead)));
    }
}
