using System.Globalization;
using FitCoach.Infrastructure.Catalog;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.Knowledge.Corpus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FitCoach.Infrastructure.Knowledge.Hybrid;

/// <summary>
/// The <c>knowledge vectors</c> command's work: brings a vector file up to date with the shipped corpus and catalog,
/// embedding only the texts whose hash it lacks and dropping entries no text has any more, and says what it did.
/// </summary>
public static class CorpusVectorRebuild
{
    /// <summary>Where the vectors for the local model live in the source tree (embedded into the app at build).</summary>
    public static readonly string ShippedRelativePath = Path.Combine(
        "src", "Infrastructure", "Knowledge", "Hybrid", "Vectors", CorpusVectorStore.ShippedFileName(LocalSentenceModel.ModelId));

    /// <summary>The repository root: the nearest folder at or above <paramref name="start"/> holding <c>FitCoach.sln</c>, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FitCoach.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>Updates <paramref name="path"/> for <paramref name="storeModelId"/> over the shipped corpus and prints a summary.</summary>
    public static async Task<VectorIndexBuildReport> RunAsync(
        IBatchTextEmbedder embedder, string storeModelId, string path, TextWriter output, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(logger);
        var catalog = JsonExerciseCatalog.LoadEmbedded().All;
        var corpus = KnowledgeCorpus.Load(catalog);
        var names = CorpusVectorTexts.ExerciseNames(catalog);
        var index = new DocumentVectorIndex(
            corpus.Documents,
            embedder,
            NullLogger<DocumentVectorIndex>.Instance,
            firstRetryDelay: TimeSpan.FromSeconds(1),
            store: new CorpusVectorStore(storeModelId, path, logger),
            extraTexts: names);
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Corpus vectors for {storeModelId}: {corpus.Documents.Count:N0} documents and {names.Count:N0} exercise names ({corpus.Documents.Count + names.Count:N0} texts) -> {path}"));
        await index.BuildAsync(cancellationToken);
        var report = index.LastBuild!;
        if (report.WrittenTo is null && (report.Embedded > 0 || report.Removed > 0 || !File.Exists(path)))
        {
            throw new IOException($"The vectors could not be written to {path} (see the warning above).");
        }

        var written = report.WrittenTo is null
            ? "the file is current, nothing written"
            : string.Create(CultureInfo.InvariantCulture, $"wrote {new FileInfo(report.WrittenTo).Length / 1024.0:N0} KiB to {report.WrittenTo}");
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Reused:N0} unchanged, {report.Embedded:N0} embedded, {report.Removed:N0} removed; {written} ({report.Elapsed.TotalSeconds:0.0} s)."));
        return report;
    }
}
