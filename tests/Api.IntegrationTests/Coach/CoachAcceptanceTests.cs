using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Coach;

/// <summary>
/// The coach end to end on the realistic question sets (coach-questions*.json): each question is posted once to
/// <c>POST /api/coach/ask</c> as an unlimited-tier user, and the answers are judged on retrieval (an appropriate
/// namespace among the top three sources), citation, length, and not being a template shared across questions.
/// </summary>
public sealed partial class CoachAcceptanceTests(CoachAnswersFixture answers, ITestOutputHelper output) : IClassFixture<CoachAnswersFixture>
{
    /// <summary>
    /// Measured 97.6 % over the 580 questions of the four sets (2026-12-08, hybrid retrieval, corpus with "In short"
    /// summaries); 85 % before retrieval became hybrid.
    /// </summary>
    private const double RequiredHitRate = 0.94;
    private const int MinimumCases = 150;
    private const int Judged = 3;
    private const int MinWords = 60;
    private const double MaxSharedSentences = 0.5;

    /// <summary>The share of question pairs allowed to exceed <see cref="MaxSharedSentences"/>.</summary>
    private const double MaxSimilarPairFraction = 0.01;

    /// <summary>The share of answers one sentence may appear in.</summary>
    private const double MaxSentenceRecurrence = 0.05;

    /// <summary>Sentences shorter than this are headings or list labels ("Sources:"), not content.</summary>
    private const int MinSentenceWords = 4;

    [GeneratedRegex(@"\[(\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex CitationMarker();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"[^\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonWord();

    /// <summary>The heading of the trailing reference list, which lists sources rather than saying anything.</summary>
    [GeneratedRegex(@"^\s*(sources|references)\s*:?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex ReferenceListHeading();

    /// <summary>A reference-list entry ("[2] Title — Author (2019) …") or a bare heading line ("What else the evidence says:").</summary>
    [GeneratedRegex(@"^\s*\[\d+\]\s|:\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex NonProseLine();

    [Fact]
    public void Sources_ForAtLeastNinetyFourPercentOfQuestions_IncludeAnAppropriateNamespaceInTheTopThree()
    {
        var results = answers.RequireAnswers();
        var failures = new StringBuilder();
        var hits = 0;
        foreach (var r in results)
        {
            var top = r.Sources.OrderByDescending(s => s.Score).Take(Judged).ToList();
            if (top.Exists(s => r.Case.Appropriate.Contains(s.Namespace)))
            {
                hits++;
                continue;
            }

            failures.AppendLine(CultureInfo.InvariantCulture, $"'{r.Case.Question}'");
            failures.AppendLine(CultureInfo.InvariantCulture, $"    appropriate: {string.Join(", ", r.Case.Appropriate)}");
            failures.AppendLine(CultureInfo.InvariantCulture, $"    top {Judged}: {(top.Count == 0 ? "(no sources)" : string.Join("  ", top.Select(s => s.Id)))}");
        }

        var rate = (double)hits / results.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{hits}/{results.Count} answers with an appropriate top-{Judged} source ({rate:P1})"));
        output.WriteLine(failures.ToString());

        Assert.True(results.Count >= MinimumCases, $"The acceptance set has only {results.Count} questions.");
        Assert.True(rate >= RequiredHitRate, $"Only {rate:P1} of answers had an appropriate top-{Judged} source:{Environment.NewLine}{failures}");
    }

    [Fact]
    public void EveryAnswer_CitesItsSourcesAndIsAtLeastSixtyWords()
    {
        var results = answers.RequireAnswers();
        var problems = new List<string>();
        foreach (var r in results)
        {
            if (r.Sources.Count == 0)
            {
                problems.Add($"'{r.Case.Question}': no sources");
            }

            var prose = Prose(r.Answer);
            var markers = CitationMarker().Matches(prose).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            if (markers.Count == 0)
            {
                problems.Add($"'{r.Case.Question}': no citation marker like [1] in the answer's text");
            }
            else if (markers.Exists(n => n < 1 || n > r.Sources.Count))
            {
                problems.Add($"'{r.Case.Question}': cites [{markers.First(n => n < 1 || n > r.Sources.Count)}] but has {r.Sources.Count} sources");
            }

            var words = CountWords(CitationMarker().Replace(prose, " "));
            if (words < MinWords)
            {
                problems.Add($"'{r.Case.Question}': {words} words of prose ({CountWords(r.Answer)} with the reference list)");
            }
        }

        output.WriteLine(string.Join(Environment.NewLine, problems));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Answers_AreNotATemplate()
    {
        // A template says the same thing whatever the question. Two questions on one narrow topic (wrist pain in the
        // front rack and when catching cleans) retrieve the same evidence and may share most of an answer, so the test
        // bounds how often that happens rather than forbidding it: at most 1 % of question pairs may share more than
        // half their sentences (against the shorter answer), and no sentence may recur in more than 5 % of answers
        // except the "For you" lines, which state facts about the asker (one user asks every question here, so they
        // repeat by design). A fixed answer fails both.
        // Only the prose counts: two answers citing the same document legitimately end with the same reference entry.
        var results = answers.RequireAnswers();
        var sentences = results.Select(r => Sentences(r.Answer)).ToList();
        var problems = new List<string>();
        (double Fraction, List<string> Shared) worst = (0, []);
        for (var i = 0; i < results.Count; i++)
        {
            for (var j = i + 1; j < results.Count; j++)
            {
                var smaller = Math.Min(sentences[i].Count, sentences[j].Count);
                if (smaller == 0)
                {
                    continue;
                }

                var shared = sentences[i].Intersect(sentences[j], StringComparer.Ordinal).ToList();
                var fraction = (double)shared.Count / smaller;
                if (fraction > MaxSharedSentences)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture,
                        $"'{results[i].Case.Question}' and '{results[j].Case.Question}' share {shared.Count} of {smaller} sentences ({fraction:P0})"));
                    if (fraction > worst.Fraction)
                    {
                        worst = (fraction, shared);
                    }
                }
            }
        }

        // What repeats: the models that answered, the sentences found in many answers, and the worst pair's shared text.
        output.WriteLine("models: " + string.Join(", ", results.GroupBy(r => r.Model).Select(g => $"{g.Key} ×{g.Count()}")));
        foreach (var common in sentences.SelectMany(s => s).GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() >= 5).OrderByDescending(g => g.Count()).Take(15))
        {
            output.WriteLine($"in {common.Count()} answers: {common.Key}");
        }

        output.WriteLine($"{problems.Count} pairs over {MaxSharedSentences:P0}:");
        output.WriteLine(string.Join(Environment.NewLine, problems));
        output.WriteLine("worst pair shares: " + string.Join(Environment.NewLine + "    ", worst.Shared));
        var pairs = results.Count * (results.Count - 1) / 2;
        Assert.True(problems.Count <= MaxSimilarPairFraction * pairs,
            $"{problems.Count} of {pairs} pairs of answers share more than half their sentences:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        var boilerplate = sentences.SelectMany(s => s.Distinct(StringComparer.Ordinal))
            .GroupBy(s => s, StringComparer.Ordinal)
            .Where(g => g.Count() > MaxSentenceRecurrence * results.Count && !g.Key.StartsWith("for you", StringComparison.Ordinal))
            .Select(g => $"in {g.Count()} answers: {g.Key}")
            .ToList();
        Assert.True(boilerplate.Count == 0, "Sentences repeated across answers:" + Environment.NewLine + string.Join(Environment.NewLine, boilerplate));
    }

    /// <summary>
    /// What the answer says, without its trailing reference list (everything from a "Sources:" line on), reference
    /// entries and heading lines: citation markers must appear here, and length and repetition are judged on it.
    /// </summary>
    private static string Prose(string answer)
    {
        var references = ReferenceListHeading().Match(answer);
        var body = references.Success ? answer[..references.Index] : answer;
        return string.Join('\n', body.Split('\n').Where(line => !NonProseLine().IsMatch(line)));
    }

    /// <summary>An answer's distinct prose sentences, normalised (citation markers, case and punctuation removed).</summary>
    private static HashSet<string> Sentences(string answer) =>
        [.. SentenceBreak().Split(CitationMarker().Replace(Prose(answer), " "))
            .Select(s => NonWord().Replace(s.ToLowerInvariant(), " ").Trim())
            .Where(s => CountWords(s) >= MinSentenceWords)];

    private static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
}

/// <summary>Posts every acceptance question once and keeps the answers for the class's checks.</summary>
public sealed class CoachAnswersFixture : IAsyncLifetime
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly ApiFactory _factory = new();
    private string? _unavailable;

    public IReadOnlyList<CoachResult> Answers { get; private set; } = [];

    /// <summary>The answers, or a failure saying why there are none (e.g. the endpoint does not exist yet).</summary>
    public IReadOnlyList<CoachResult> RequireAnswers()
    {
        Assert.True(_unavailable is null, _unavailable);
        return Answers;
    }

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        // Four sets written independently of the corpus: the main one, a later holdout set, and two sets of questions in
        // everyday words written from the namespace names alone (the second on 2026-12-08, by a writer who read nothing
        // of the project; its misses were read after its first run).
        var cases = new List<CoachQuestion>();
        foreach (var file in new[] { "coach-questions.json", "coach-questions-holdout.json", "coach-questions-everyday.json", "coach-questions-everyday-2.json" })
        {
            await using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Coach", file));
            cases.AddRange(await JsonSerializer.DeserializeAsync<List<CoachQuestion>>(stream, JsonOptions, cancellation)
                ?? throw new InvalidOperationException($"{file} is empty."));
        }

        using var client = await _factory.ClientForAsync(ApiFactory.NewUserId("coach-acceptance"), "unlimited");
        await _factory.WaitUntilHybridAsync(); // judged on what a running app serves, not on the first second's BM25
        var results = new List<CoachResult>(cases.Count);
        foreach (var question in cases)
        {
            using var response = await client.PostAsJsonAsync("/api/coach/ask", new { question = question.Question }, cancellation);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellation);
                _unavailable = response.StatusCode == HttpStatusCode.NotFound
                    ? $"POST /api/coach/ask returned 404: the endpoint does not exist yet. {body}"
                    : $"POST /api/coach/ask returned {(int)response.StatusCode} for '{question.Question}': {body}";
                return;
            }

            var answer = await response.Content.ReadFromJsonAsync<CoachResponse>(JsonOptions, cancellation)
                ?? throw new InvalidOperationException($"Empty response for '{question.Question}'.");
            results.Add(new CoachResult(question, answer.Answer ?? "", answer.Sources ?? [], answer.Model ?? ""));
        }

        Answers = results;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private sealed record CoachResponse(string? Answer, IReadOnlyList<CoachSource>? Sources, string? Model);
}

public sealed record CoachQuestion(string Question, IReadOnlyList<string> Appropriate);

public sealed record CoachSource(string Namespace, string Id, string Title, string Snippet, double Score);

public sealed record CoachResult(CoachQuestion Case, string Answer, IReadOnlyList<CoachSource> Sources, string Model);
