using System.Text;
using System.Text.RegularExpressions;
using FitCoach.Application.Common.Rag;
using FitCoach.Infrastructure.Catalog;
using FitCoach.Infrastructure.Knowledge.Corpus;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge;

/// <summary>
/// The shipped corpus as the app loads it (embedded markdown plus the generated catalog documents): every topic
/// namespace is stocked, every hand-written document is well formed and citable, and <c>exercises</c> holds exactly
/// one generated document per catalog exercise beside the hand-written technique notes. Each rule collects every
/// offending document before failing, so one run lists all of them.
/// </summary>
/// <remarks>
/// Length is <see cref="KnowledgeDocument.WordCount"/> without the "In short" summary: the body's prose plus its
/// <c>##</c> section headings, without the front matter and the <c>#</c> title line. Headings are indexed and shown with their sections, so they are part
/// of what a document says; they add only a handful of words each.
/// </remarks>
public sealed partial class CorpusTests
{
    private const int MinDocumentsPerNamespace = 8;
    private const int MinWords = 150;
    /// <summary>
    /// 500 words of prose, plus room for tables: read as text, a table row repeats its column headings ("Moderate —
    /// %HRR: 40–59; %HRmax: 64–76."), which adds up to about 50 words to a table-heavy document.
    /// </summary>
    private const int MaxWords = 560;
    private const int MinTechniqueNotes = 60;

    /// <summary>The heading of the answer-first summary every written document carries right after its intro.</summary>
    private const string SummaryHeading = "In short";
    private const int MaxSummaryWords = 90;

    private static readonly Lazy<IReadOnlyList<KnowledgeDocument>> Markdown = new(KnowledgeCorpus.ReadEmbeddedMarkdown);
    private static readonly Lazy<JsonExerciseCatalog> Catalog = new(JsonExerciseCatalog.LoadEmbedded);
    private static readonly Lazy<KnowledgeCorpus> Corpus = new(() => KnowledgeCorpus.Load(Catalog.Value.All));

    private static IEnumerable<string> TopicNamespaces => KnowledgeNamespaces.All.Where(ns => ns != KnowledgeNamespaces.Exercises);

    [GeneratedRegex(@"\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    private static bool IsSummary(KnowledgeSection section) => section.Heading.Trim().Equals(SummaryHeading, StringComparison.OrdinalIgnoreCase);

    /// <summary>The document's length without its summary: the length rule is about what the document explains.</summary>
    private static int BodyWords(KnowledgeDocument d) =>
        d.WordCount - d.Sections.Where(IsSummary).Sum(s => KnowledgeText.CountWords(s.Heading) + KnowledgeText.CountWords(s.Text));

    [GeneratedRegex(@"\(\s*(?:1[89]|20)\d{2}[a-z]?\s*\)|(?<!\d)(?:1[89]|20)\d{2}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    [Fact]
    public void KnowledgeNamespaces_ListsTwentySevenTopicNamespacesBesidesExercises()
    {
        Assert.Equal(27, TopicNamespaces.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(KnowledgeNamespaces.Exercises, KnowledgeNamespaces.All);
    }

    [Fact]
    public void EveryTopicNamespace_HasAtLeastEightDocumentsOfTheRightLength()
    {
        var byNamespace = Markdown.Value.ToLookup(d => d.Namespace, StringComparer.Ordinal);
        var problems = new StringBuilder();
        foreach (var ns in TopicNamespaces)
        {
            var documents = byNamespace[ns].ToList();
            var sized = documents.Count(d => BodyWords(d) is >= MinWords and <= MaxWords);
            if (sized < MinDocumentsPerNamespace)
            {
                problems.AppendLine($"{ns}: {sized} of {documents.Count} documents are {MinWords}–{MaxWords} words (need {MinDocumentsPerNamespace})");
            }
        }

        Assert.True(problems.Length == 0, problems.ToString());
    }

    [Fact]
    public void EveryTopicDocument_IsBetween150And560Words()
    {
        var outside = Markdown.Value
            .Where(d => d.Namespace != KnowledgeNamespaces.Exercises && BodyWords(d) is < MinWords or > MaxWords)
            .Select(d => $"{d.Id}: {BodyWords(d)} words besides its summary")
            .ToList();

        Assert.True(outside.Count == 0, string.Join(Environment.NewLine, outside));
    }

    /// <summary>
    /// Every written document opens with an "In short" summary (2–4 bullets, at most 90 words) that answers the
    /// commonest questions on its topic in sentences that stand alone, so the offline coach can quote one. It only
    /// restates the document: every number it gives also appears in the rest of the document, which is what the
    /// corpus audit checked.
    /// </summary>
    [Fact]
    public void EveryMarkdownDocument_HasAShortSummary_WhoseNumbersTheBodyStates()
    {
        var problems = new List<string>();
        foreach (var d in Markdown.Value)
        {
            var summaries = d.Sections.Where(IsSummary).ToList();
            if (summaries.Count != 1)
            {
                problems.Add($"{d.Id}: {summaries.Count} \"{SummaryHeading}\" sections (need 1)");
                continue;
            }

            var summary = summaries[0];
            var bullets = summary.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (bullets.Length is < 2 or > 4 || !bullets.All(b => b.StartsWith('•')))
            {
                problems.Add($"{d.Id}: the summary has {bullets.Length} lines, not 2–4 bullets");
            }

            var words = KnowledgeText.CountWords(summary.Text);
            if (words > MaxSummaryWords)
            {
                problems.Add($"{d.Id}: the summary has {words} words (at most {MaxSummaryWords})");
            }

            var rest = string.Join("\n", d.Sections.Where(s => !IsSummary(s)).Select(s => s.Heading + "\n" + s.Text)).Replace(",", "", StringComparison.Ordinal);
            foreach (var number in NumberPattern().Matches(summary.Text).Select(m => m.Value.Replace(",", "", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal))
            {
                if (!Regex.IsMatch(rest, $@"(?<![\d.]){Regex.Escape(number)}(?!\d)", RegexOptions.CultureInvariant))
                {
                    problems.Add($"{d.Id}: the summary's {number} is not in the body");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryMarkdownDocument_HasIdTitleTagsAndSources()
    {
        var problems = new List<string>();
        foreach (var d in Markdown.Value)
        {
            if (string.IsNullOrWhiteSpace(d.Id))
            {
                problems.Add($"{d.Namespace}/{d.Title}: empty id");
            }

            if (string.IsNullOrWhiteSpace(d.Title))
            {
                problems.Add($"{d.Id}: empty title");
            }

            if (!d.Tags.Any(t => !string.IsNullOrWhiteSpace(t)))
            {
                problems.Add($"{d.Id}: no tags");
            }

            if (!d.Sources.Any(s => !string.IsNullOrWhiteSpace(s)))
            {
                problems.Add($"{d.Id}: no sources");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryMarkdownDocument_LivesInAKnownNamespaceFolderAndIsIdentifiedUnderIt()
    {
        // A document's namespace is the folder it sits in under knowledge/; its id must repeat that folder.
        var problems = Markdown.Value
            .Where(d => !KnowledgeNamespaces.All.Contains(d.Namespace) || !d.Id.StartsWith(d.Namespace + "/", StringComparison.Ordinal)
                || d.Id.Length <= d.Namespace.Length + 1)
            .Select(d => $"{d.Id} is in folder {d.Namespace}/")
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void DocumentIds_AreUniqueAcrossTheWholeCorpus()
    {
        var documents = Markdown.Value.Concat(CatalogExerciseDocuments.Generate(Catalog.Value.All));

        var duplicates = documents.GroupBy(d => d.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Empty(duplicates);
        Assert.Equal(Corpus.Value.Documents.Count, Corpus.Value.Documents.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Exercises_HasOneGeneratedDocumentPerCatalogExerciseAndAtLeastSixtyTechniqueNotes()
    {
        var catalog = Catalog.Value.All;
        var exercises = Corpus.Value.Documents.Where(d => d.Namespace == KnowledgeNamespaces.Exercises).ToList();
        var generated = exercises.Where(d => d.Id.StartsWith(CatalogExerciseDocuments.IdPrefix, StringComparison.Ordinal)).ToList();
        var notes = exercises.Count - generated.Count;

        Assert.NotEmpty(catalog);
        Assert.Equal(catalog.Count, generated.Count);
        Assert.Equal(
            catalog.Select(e => CatalogExerciseDocuments.IdPrefix + e.Id.ToLowerInvariant()).Order(StringComparer.Ordinal),
            generated.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.True(notes >= MinTechniqueNotes, $"only {notes} hand-written technique notes in exercises/");
        Assert.DoesNotContain(Markdown.Value, d => d.Id.StartsWith(CatalogExerciseDocuments.IdPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void NoDocument_HasAnEmptyBody()
    {
        var empty = Corpus.Value.Documents.Where(d => string.IsNullOrWhiteSpace(d.Body) || d.WordCount == 0).Select(d => d.Id).ToList();

        Assert.True(empty.Count == 0, string.Join(Environment.NewLine, empty));
    }

    [Fact]
    public void EveryMarkdownSource_LooksLikeACitationWithAYear()
    {
        var problems = Markdown.Value
            .SelectMany(d => d.Sources.Where(s => !YearPattern().IsMatch(s)).Select(s => $"{d.Id}: \"{s}\""))
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
