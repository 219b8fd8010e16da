using System.Numerics.Tensors;
using System.Text;
using FitCoach.Infrastructure.Catalog;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.IntegrationTests.Support;
using FitCoach.Infrastructure.Knowledge.Corpus;
using FitCoach.Infrastructure.Knowledge.Hybrid;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Hybrid;

/// <summary>The corpus vector file: its format, the incremental rebuild, and the shipped file being current.</summary>
public sealed class CorpusVectorFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"fitcoach-vectors-{Guid.NewGuid():N}");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void WriteThenRead_KeepsEveryVectorWithinQuantisationError_AndWritesTheSameBytesTwice()
    {
        var random = new Random(7);
        var vectors = Enumerable.Range(0, 50).ToDictionary(i => CorpusVectorFile.HashOf($"text {i}"), _ => Unit(random, 384));
        var file = new CorpusVectorFile("all-MiniLM-L6-v2", 384, vectors);

        using var first = new MemoryStream();
        file.Write(first);
        using var second = new MemoryStream();
        file.Write(second);
        first.Position = 0;
        var read = CorpusVectorFile.Read(first);

        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(6L + 1 + 16 + 4 + 4 + (50 * (8 + 4 + 384)), first.Length);
        Assert.Equal("all-MiniLM-L6-v2", read.ModelId);
        Assert.Equal(384, read.Dimensions);
        Assert.Equal(vectors.Keys.Order(), read.Vectors.Keys.Order());
        Assert.All(vectors, kv => Assert.True(TensorPrimitives.Dot<float>(kv.Value, read.Vectors[kv.Key]) > 0.999f));
    }

    [Fact]
    public void Read_RefusesAFileThatIsNotOne()
    {
        using var junk = new MemoryStream(Encoding.UTF8.GetBytes("not a vector file at all"));
        using var truncated = new MemoryStream();
        new CorpusVectorFile("m", 4, new Dictionary<ulong, float[]> { [1] = [1, 0, 0, 0] }).Write(truncated);
        truncated.SetLength(truncated.Length - 2);
        truncated.Position = 0;

        Assert.Throws<InvalidDataException>(() => CorpusVectorFile.Read(junk));
        Assert.Throws<InvalidDataException>(() => CorpusVectorFile.Read(truncated));
    }

    [Fact]
    public async Task Build_AfterOneDocumentChanges_EmbedsOnlyThatDocument_AndRewritesTheFile()
    {
        var path = Path.Combine(_directory, "vectors.fcvec");
        using var local = await LocalModel.EmbedderAsync(Cancel);
        var documents = HybridTestCorpus.Documents;
        string[] names = ["Barbell Bench Press", "Goblet Squat"];

        var first = await BuildAsync(documents, names, path, local);
        var written = File.GetLastWriteTimeUtc(path);
        var unchanged = await BuildAsync(documents, names, path, local);
        var afterUnchanged = File.GetLastWriteTimeUtc(path);
        var edited = documents.Select(d => d.Id == HybridTestCorpus.SleepQuality ? d with { Title = "Sleep quality and recovery" } : d).ToList();
        var afterEdit = await BuildAsync(edited, names, path, local);

        Assert.Equal(documents.Count + names.Length, first.Counting.Embedded.Count);
        Assert.Equal(new VectorIndexBuildReport(12, 0, 12, 0, path, first.Report.Elapsed), first.Report);
        Assert.Empty(unchanged.Counting.Embedded);
        Assert.Null(unchanged.Report.WrittenTo);
        Assert.Equal(written, afterUnchanged);
        var reembedded = Assert.Single(afterEdit.Counting.Embedded);
        Assert.StartsWith("Sleep quality and recovery\n", reembedded, StringComparison.Ordinal);
        Assert.Equal((12, 11, 1, 1, path), (afterEdit.Report.Entries, afterEdit.Report.Reused, afterEdit.Report.Embedded, afterEdit.Report.Removed, afterEdit.Report.WrittenTo));
        await using var stream = File.OpenRead(path);
        var file = CorpusVectorFile.Read(stream);
        Assert.Equal(12, file.Count);
        Assert.Contains(CorpusVectorFile.HashOf(DocumentVectorIndex.DocumentText(edited.Single(d => d.Id == HybridTestCorpus.SleepQuality))), file.Vectors.Keys);
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
        Assert.NotNull(afterEdit.Index.TextVector("Goblet Squat"));
        Assert.Null(afterEdit.Index.TextVector("Goblet squat, but not a name we embedded"));
    }

    [Fact]
    public async Task Build_WithoutAWritableFile_KeepsWhatItComputedInMemory()
    {
        using var local = await LocalModel.EmbedderAsync(Cancel);

        var built = await BuildAsync(HybridTestCorpus.Documents, [], null, local);

        Assert.True(built.Index.IsReady);
        Assert.Null(built.Report.WrittenTo);
        Assert.Equal(HybridTestCorpus.Documents.Count, built.Report.Embedded);
    }

    [Fact]
    public void ShippedVectorFile_HoldsExactlyTheShippedCorpusAndCatalogNames()
    {
        var catalog = JsonExerciseCatalog.LoadEmbedded().All;
        var texts = CorpusVectorTexts.All(KnowledgeCorpus.Load(catalog), catalog);
        var expected = texts.Select(CorpusVectorFile.HashOf).ToHashSet();

        var shipped = CorpusVectorStore.Shipped(LocalSentenceModel.ModelId);

        const string Fix = "Rebuild it: dotnet run --project src/Api -- knowledge vectors (then commit the file).";
        Assert.True(shipped is not null, $"No vector file ships for {LocalSentenceModel.ModelId}. {Fix}");
        Assert.Equal(LocalSentenceModel.Dimensions, shipped.Dimensions);
        var missing = texts.Where(t => !shipped.Vectors.ContainsKey(CorpusVectorFile.HashOf(t))).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} texts have no shipped vector (first: '{missing.FirstOrDefault()?.Split('\n')[0]}'). {Fix}");
        var stale = shipped.Vectors.Keys.Count(h => !expected.Contains(h));
        Assert.True(stale == 0, $"{stale} shipped vectors belong to texts no longer in the corpus. {Fix}");
    }

    private static async Task<(DocumentVectorIndex Index, CountingBatchEmbedder Counting, VectorIndexBuildReport Report)> BuildAsync(
        IReadOnlyList<KnowledgeDocument> documents, IReadOnlyList<string> names, string? path, LocalTextEmbedder local)
    {
        var counting = new CountingBatchEmbedder(local);
        var logger = new RecordingLogger<DocumentVectorIndex>();
        var index = new DocumentVectorIndex(
            documents, counting, logger, store: new CorpusVectorStore("test-" + LocalSentenceModel.ModelId, path, logger), extraTexts: names);
        await index.BuildAsync(Cancel);
        return (index, counting, index.LastBuild!);
    }

    private static float[] Unit(Random random, int dimensions)
    {
        var vector = Enumerable.Range(0, dimensions).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm<float>(vector), vector);
        return vector;
    }
}
