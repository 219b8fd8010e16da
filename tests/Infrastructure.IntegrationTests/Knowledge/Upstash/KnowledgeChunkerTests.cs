using FitCoach.Infrastructure.Catalog;
using FitCoach.Infrastructure.Knowledge.Corpus;
using FitCoach.Infrastructure.Knowledge.Upstash;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Upstash;

public sealed class KnowledgeChunkerTests
{
    private static readonly Lazy<KnowledgeCorpus> FullCorpus = new(() => KnowledgeCorpus.Load(JsonExerciseCatalog.LoadEmbedded().All));

    [Fact]
    public void Chunk_TheWholeCorpus_FitsUpstashsLimit_AndKeepsEveryDocumentsTextAndHeadingsInOrder()
    {
        var corpus = FullCorpus.Value;

        var chunks = KnowledgeChunker.Chunk(corpus.Documents);

        Assert.All(chunks, chunk => Assert.InRange(KnowledgeChunker.ContentLength(chunk.Content), 1, KnowledgeChunker.MaxChars));
        Assert.Equal(chunks.Count, chunks.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count());
        var byDocument = chunks.GroupBy(c => c.DocumentId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Assert.Equal(corpus.Documents.Count, byDocument.Count);
        foreach (var document in corpus.Documents)
        {
            var own = byDocument[document.Id];
            Assert.Equal(Enumerable.Range(0, own.Count), own.Select(c => c.Index));
            Assert.All(own, c => Assert.Equal($"{document.Id}#{c.Index}", c.Id));
            Assert.All(own, c => Assert.Equal(document.Title, c.Content.Title));
            Assert.All(own, c => Assert.Equal(document.Namespace, c.Namespace));
            Assert.All(own, c => Assert.Equal(document.Sources, c.Metadata.Sources));
            Assert.Equal(Words(document.Sections.Select(s => s.Text)), Words(own.Select(c => c.Content.Text)));
            Assert.Equal(
                Collapse(document.Sections.Select(s => s.Heading.Trim()).Where(h => h.Length > 0)),
                Collapse(own.SelectMany(c => c.Content.Heading.Split(" / ", StringSplitOptions.RemoveEmptyEntries))));
        }
    }

    [Fact]
    public void Chunk_PacksShortSectionsIntoOneChunk_WithTheirHeadings()
    {
        var chunk = Assert.Single(KnowledgeChunker.Chunk(UpstashTestCorpus.ProgressiveOverload()));

        Assert.Equal("strength-training/progressive-overload#0", chunk.Id);
        Assert.Equal("Double progression", chunk.Content.Heading);
        Assert.StartsWith("Progressive overload means doing a little more over time.", chunk.Content.Text, StringComparison.Ordinal);
        Assert.EndsWith("start again at 8 reps.", chunk.Content.Text, StringComparison.Ordinal);
        Assert.Equal("strength-training/progressive-overload", chunk.Metadata.DocumentId);
        Assert.Equal("strength-training", chunk.Metadata.Namespace);
        Assert.Equal(32, chunk.ContentHash.Length);
        Assert.Matches("^[0-9a-f]{32}$", chunk.ContentHash);
    }

    [Fact]
    public void Chunk_ALongSection_IsSplitBetweenSentencesIntoChunksUnderTheLimit()
    {
        var document = UpstashTestCorpus.PlateauGuide(sentences: 80);

        var chunks = KnowledgeChunker.Chunk(document);

        Assert.True(chunks.Count >= 5, $"{chunks.Count} chunks");
        Assert.All(chunks, c => Assert.InRange(KnowledgeChunker.ContentLength(c.Content), 1, KnowledgeChunker.TargetChars));
        Assert.All(chunks, c => Assert.EndsWith(".", c.Content.Text, StringComparison.Ordinal));
        Assert.StartsWith("A plateau is weeks without progress on a lift.", chunks[0].Content.Text, StringComparison.Ordinal);
        Assert.All(chunks.Skip(1).SkipLast(1), c => Assert.Equal("What to change", c.Content.Heading));
        Assert.EndsWith("When to see a coach", chunks[^1].Content.Heading, StringComparison.Ordinal);
        Assert.Equal(Words(document.Sections.Select(s => s.Text)), Words(chunks.Select(c => c.Content.Text)));
    }

    [Fact]
    public void Chunk_ASentenceLongerThanAChunk_IsSplitBetweenWords()
    {
        var words = string.Join(' ', Enumerable.Repeat("squat", 700)) + ".";
        var document = new KnowledgeDocument("strength-training", "strength-training/run-on", "Run-on", [], [], [new("", words)]);

        var chunks = KnowledgeChunker.Chunk(document);

        Assert.True(chunks.Count >= 3);
        Assert.All(chunks, c => Assert.True(KnowledgeChunker.ContentLength(c.Content) <= KnowledgeChunker.MaxChars));
        Assert.All(chunks, c => Assert.DoesNotContain("squatsquat", c.Content.Text.Replace(" ", "|", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Equal(700, chunks.Sum(c => c.Content.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
    }

    [Fact]
    public void Chunk_CountsEscapedCharactersAgainstTheLimit()
    {
        // Quotes and line breaks take two characters each on the wire; non-ASCII letters one (sent unescaped).
        var text = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"\"Cue {i}\" – brace, then push…"));
        var document = new KnowledgeDocument("squat-technique", "squat-technique/cues", "Squat cues", [], [], [new("Cues", text)]);

        var chunks = KnowledgeChunker.Chunk(document);

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.True(KnowledgeChunker.ContentLength(c.Content) <= KnowledgeChunker.MaxChars, $"{c.Id}: {KnowledgeChunker.ContentLength(c.Content)}"));
        Assert.Equal(Words([text]), Words(chunks.Select(c => c.Content.Text)));
    }

    [Fact]
    public void Chunk_ADocumentWithoutSections_IsOneTitleOnlyChunk()
    {
        var document = new KnowledgeDocument("recovery", "recovery/empty", "Nothing here yet", [], [], []);

        var chunk = Assert.Single(KnowledgeChunker.Chunk(document));

        Assert.Equal("recovery/empty#0", chunk.Id);
        Assert.Equal(new KnowledgeChunkContent("Nothing here yet", "", ""), chunk.Content);
    }

    [Fact]
    public void Chunk_IsDeterministic_AndAnEditChangesOnlyTheHashOfTheChunkItTouches()
    {
        var original = UpstashTestCorpus.PlateauGuide();
        var sections = original.Sections.ToList();
        sections[^1] = sections[^1] with { Text = sections[^1].Text + " Film a set from the side first." };
        var edited = original with { Sections = sections };

        var before = KnowledgeChunker.Chunk(original);
        var again = KnowledgeChunker.Chunk(original);
        var after = KnowledgeChunker.Chunk(edited);

        Assert.Equal(before.Select(c => (c.Id, c.ContentHash)), again.Select(c => (c.Id, c.ContentHash)));
        Assert.Equal(before.Count, after.Count);
        var changed = before.Zip(after).Where(p => p.First.ContentHash != p.Second.ContentHash).Select(p => p.Second.Id).ToList();
        Assert.Equal([before[^1].Id], changed);
    }

    [Fact]
    public void Chunk_ATitleOrSourceChange_ChangesEveryChunksHash()
    {
        var original = UpstashTestCorpus.PlateauGuide();

        var before = KnowledgeChunker.Chunk(original);
        var retitled = KnowledgeChunker.Chunk(original with { Title = "Breaking a plateau" });
        var resourced = KnowledgeChunker.Chunk(original with { Sources = ["Source one (2019)."] });

        Assert.All(before.Zip(retitled), p => Assert.NotEqual(p.First.ContentHash, p.Second.ContentHash));
        Assert.All(before.Zip(resourced), p => Assert.NotEqual(p.First.ContentHash, p.Second.ContentHash));
    }

    [Theory]
    [InlineData("recovery/sleep#0", "recovery/sleep")]
    [InlineData("recovery/sleep#12", "recovery/sleep")]
    [InlineData("a#b#3", "a#b")]
    [InlineData("no-hash", "no-hash")]
    public void DocumentIdOf_StripsTheChunkNumber(string chunkId, string documentId) =>
        Assert.Equal(documentId, KnowledgeChunker.DocumentIdOf(chunkId));

    private static string Words(IEnumerable<string> texts) =>
        string.Join(' ', texts.SelectMany(t => t.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)));

    private static List<string> Collapse(IEnumerable<string> headings)
    {
        var collapsed = new List<string>();
        foreach (var heading in headings)
        {
            if (collapsed.Count == 0 || collapsed[^1] != heading)
            {
                collapsed.Add(heading);
            }
        }

        return collapsed;
    }
}
