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
/// <c>accept</c> list, case-insensitive). The set (coach-facts.json) was written without looking at the corpus; its
/// <c>holdout</c> cases were scored only before and after the composer's changes, never while tuning it.
/// The bars are what the offline coach reaches on this set today (docs/BENCHMARKS.md, "Coach: answers that answer"),
/// below the 92 % the issue asks of its own set: the misses left are questions whose retrieved passages do not hold
/// the fact (a typo the analyzer does not correct, a section the passage builder leaves out), which the composer
/// cannot state. Raise them as retrieval closes those gaps.
/// </summary>
public sealed class CoachFactsTests(CoachFactsFixture facts, ITestOutputHelper output) : IClassFixture<CoachFactsFixture>
{
    /// <summary>Measured 41/46 (89.1 %) with misspellings corrected; 40/46 before; 35/46 before the composer led with the asked number.</summary>
    private const double RequiredTrainRate = 0.85;

    /// <summary>Measured 17/20 (85.0 %) with hybrid retrieval and the gap documents; 16/20 with BM25 retrieval, 15/20 with hybrid before them; 14/20 before.</summary>
    private const double RequiredHoldoutRate = 0.75;

    /// <summary>
    /// Measured 51/66 (77.3 %) with BM25 retrieval and 48/66 (72.7 %) once retrieval became hybrid (other passages
    /// lead some answers); 32/66 before: leading with the fact is the point of the change.
    /// </summary>
    private const double RequiredLeadRate = 0.70;

    private const int MinimumCases = 60;

    [Fact]
    public void FactualQuestions_StateTheKeyFactBeforeTheSources()
    {
        var results = facts.RequireAnswers();
        Report(results);

        Assert.True(results.Count >= MinimumCases, $"The fact set has only {results.Count} questions.");
        foreach (var (set, required) in new[] { ("train", RequiredTrainRate), ("holdout", RequiredHoldoutRate) })
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
        await using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Coach", "coach-facts.json"));
        var cases = await JsonSerializer.DeserializeAsync<List<FactQuestion>>(stream, JsonOptions, cancellation)
            ?? throw new InvalidOperationException("coach-facts.json is empty.");

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
