using FitCoach.Application.Common.Rag;
using FitCoach.Infrastructure.Catalog;
using FitCoach.Infrastructure.Knowledge.Corpus;
using FitCoach.Infrastructure.Knowledge.Retrieval;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge;

/// <summary>The embedded index over the real corpus: analysis, synonyms, namespaces, scores and the merged search.</summary>
public sealed class Bm25IndexTests
{
    private static readonly Lazy<Bm25Index> Index = new(() =>
        new Bm25Index(KnowledgeCorpus.Load(JsonExerciseCatalog.LoadEmbedded().All).Documents, new TextAnalyzer()));

    private static readonly TextAnalyzer Analyzer = new();

    [Fact]
    public void Terms_AreStemmed_AndStopWordsDropped()
    {
        Assert.Equal(["run", "run"], Analyzer.Terms("running runs"));
        Assert.DoesNotContain("the", Analyzer.Terms("the squat"));
        Assert.Contains(Analyzer.Stem("before"), Analyzer.Terms("stretch before lifting")); // meaning-bearing, kept
    }

    [Theory]
    [InlineData("DOMS", "delayed onset muscle soreness", "~doms")]
    [InlineData("RDL form", "romanian deadlifts", "~rdl")]
    [InlineData("my ACWR", "acute chronic workload ratio", "~acwr")]
    [InlineData("zone 2 cardio", "conversational pace", "~zone2")]
    [InlineData("my knee hurts", "knee pain", "~pain")]
    public void Synonyms_ShareAGroupTerm(string one, string other, string group)
    {
        Assert.Contains(group, Analyzer.Terms(one));
        Assert.Contains(group, Analyzer.Terms(other));
    }

    [Fact]
    public void KeyTerms_CollapsePhrasesToTheirGroup_AndDropFiller()
    {
        var a = Analyzer.KeyTerms("coach, how long does delayed onset muscle soreness last? thanks");
        var b = Analyzer.KeyTerms("How long does DOMS last");

        Assert.Equal(a.Order(StringComparer.Ordinal), b.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("caffiene", "caffeine")]
    [InlineData("protien", "protein")]
    [InlineData("creatnie", "creatine")]
    public void Correction_FindsTheCorpusWordOneEditAway(string misspelt, string meant)
    {
        Assert.Equal(Analyzer.Stem(meant), Index.Value.Correction(Analyzer.Stem(misspelt)));
    }

    [Theory]
    [InlineData("caffeine")] // known
    [InlineData("rows")] // short: one edit from many words
    [InlineData("5x5x5")] // not a word
    [InlineData("zyxwvut")] // nothing near
    public void Correction_LeavesKnownShortAndUnmatchedTermsAlone(string term)
    {
        Assert.Null(Index.Value.Correction(Analyzer.Stem(term)));
    }

    [Fact]
    public void Search_WithAMisspeltTopicWord_FindsTheTopic()
    {
        var results = Index.Value.Search("whats the right dose of caffiene for running", KnowledgeNamespaces.NutritionAndSupplementation, 3);

        Assert.Equal("nutrition-and-supplementation/caffeine-dose-for-performance", results[0].Id);
    }

    [Theory]
    [InlineData("quads still trashed from leg day, skip it or push through?", "exercises/catalog-fast_skipping")]
    [InlineData("can't touch my toes with straight legs, does that matter", "exercises/catalog-the_straddle")]
    [InlineData("never set foot in a gym, where do I start", "exercises/catalog-rocking_standing_calf_raise")]
    public void CatalogEntries_AreNotReturned_WhenTheQuestionDoesNotNameTheExercise(string query, string catalogEntry)
    {
        var results = Index.Value.Search(query, KnowledgeNamespaces.Exercises, 50);

        Assert.DoesNotContain(results, p => p.Id == catalogEntry);
        Assert.DoesNotContain(results, p => p.Id.StartsWith("exercises/catalog-fast", StringComparison.Ordinal));
        Assert.False(Index.Value.Admission(query)(catalogEntry));
    }

    [Theory]
    [InlineData("how do I do zercher squats", "exercises/catalog-zercher_squats")]
    [InlineData("what does the barbell hip thrust work", "exercises/catalog-barbell_hip_thrust")]
    [InlineData("good rowing machine workouts for conditioning", "exercises/catalog-rowing_stationary")]
    public void CatalogEntries_AreReturned_WhenTheQuestionNamesTheExercise_EquipmentWordsOptional(string query, string catalogEntry)
    {
        Assert.True(Index.Value.Admission(query)(catalogEntry));
        Assert.Contains(Index.Value.Search(query, KnowledgeNamespaces.Exercises, 50), p => p.Id == catalogEntry);
    }

    [Fact]
    public void Admission_LetsEveryWrittenDocumentThrough()
    {
        Assert.True(Index.Value.Admission("anything at all")("recovery/doms-timeline-and-training-through-soreness"));
        Assert.True(Index.Value.Admission("anything at all")("no/such-document"));
    }

    [Theory]
    [InlineData("how long does DOMS last", "recovery")]
    [InlineData("what is a good ACWR for runners", "running-injuries")]
    [InlineData("how much protein per day to build muscle", "nutrition")]
    [InlineData("RDL vs stiff leg deadlift", "exercises")]
    public void Search_FindsTheTopicInItsNamespace_WithScoresInRange(string query, string ns)
    {
        var results = Index.Value.Search(query, ns, 5);

        Assert.NotEmpty(results);
        Assert.All(results, p =>
        {
            Assert.Equal(ns, p.Namespace);
            Assert.InRange(p.Score, 0.0, 1.0);
            Assert.False(string.IsNullOrWhiteSpace(p.Snippet));
            Assert.InRange(p.Snippet.Length, 1, 301);
            Assert.False(string.IsNullOrWhiteSpace(p.Text));
        });
        Assert.Equal(results.OrderByDescending(p => p.Score).Select(p => p.Id), results.Select(p => p.Id));
    }

    [Fact]
    public void Search_UnknownNamespace_OrNoMatchingWord_FindsNothing()
    {
        Assert.Empty(Index.Value.Search("protein", "no-such-namespace", 5));
        Assert.Empty(Index.Value.Search("zxqv blorft", "nutrition", 5));
    }

    [Fact]
    public void SearchMerged_EqualsSearchingEachNamespaceAndMerging_AndTimesEach()
    {
        const string query = "my knees hurt when I squat, what should I do?";
        var namespaces = new TopicNamespaceRouter().Choose(query);
        var timed = new List<string>();

        var merged = Index.Value.SearchMerged(query, namespaces, 5, (ns, _) => timed.Add(ns));
        var separate = namespaces.SelectMany(ns => Index.Value.Search(query, ns, 5))
            .OrderByDescending(p => p.Score).ThenBy(p => p.Id, StringComparer.Ordinal).Take(5).ToList();

        Assert.Equal(separate.Select(p => (p.Id, p.Score, p.Snippet)), merged.Select(p => (p.Id, p.Score, p.Snippet)));
        Assert.Equal(namespaces, timed);
    }

    [Fact]
    public void NamespaceAffinity_RanksTheTopicsNamespaceFirst()
    {
        var affinity = Index.Value.NamespaceAffinity("how much creatine should I take and is it safe");

        Assert.Contains(affinity.Take(2), a => a.Namespace == "nutrition-and-supplementation");
        Assert.Equal(affinity.OrderByDescending(a => a.Score).Select(a => a.Namespace), affinity.Select(a => a.Namespace));
    }

    [Fact]
    public void GeneratedCatalogDocuments_DoNotOutrankAWrittenNoteOnTheSameLift()
    {
        var results = Index.Value.Search("romanian deadlift technique", "exercises", 3);

        Assert.Equal("exercises/technique-romanian-deadlift", results[0].Id);
    }
}
