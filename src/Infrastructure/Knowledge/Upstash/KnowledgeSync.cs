using System.Diagnostics;
using System.Globalization;
using FitCoach.Infrastructure.Knowledge.Corpus;

namespace FitCoach.Infrastructure.Knowledge.Upstash;

/// <param name="DryRun">Compare and report only; write nothing.</param>
/// <param name="Prune">Also delete the chunks of documents (and namespaces) that are no longer in the corpus.</param>
public sealed record KnowledgeSyncOptions(bool DryRun = false, bool Prune = false);

/// <summary>What the sync did (or, in a dry run, would do) to one index.</summary>
/// <param name="StaleKept">Chunks of documents no longer in the corpus, left in place because <c>--prune</c> was not given.</param>
public sealed record NamespaceSyncResult(
    string Namespace, string Index, int Chunks, int Upserted, int Deleted, int Unchanged, int StaleKept, bool Orphaned = false);

public sealed record KnowledgeSyncReport(int Documents, bool DryRun, IReadOnlyList<NamespaceSyncResult> Namespaces, TimeSpan Elapsed)
{
    public int Chunks => Namespaces.Sum(n => n.Chunks);

    public int Upserted => Namespaces.Sum(n => n.Upserted);

    public int Deleted => Namespaces.Sum(n => n.Deleted);

    public int Unchanged => Namespaces.Sum(n => n.Unchanged);

    public int StaleKept => Namespaces.Sum(n => n.StaleKept);
}

/// <summary>
/// Makes Upstash hold exactly the corpus's chunks, writing only the difference: each namespace's index is listed
/// (<c>/range</c>: ids and content hashes), chunks that are new or whose hash changed are upserted in batches of
/// 100, and chunks that no longer exist are deleted. A chunk whose document is still in the corpus (the document
/// got shorter, or moved namespace) is always deleted; the chunks of a removed document, and every chunk in an index
/// with this app's prefix whose namespace left the corpus, only with <see cref="KnowledgeSyncOptions.Prune"/>.
/// Idempotent: a second run writes nothing. Progress goes to <c>output</c>, one line per namespace.
/// </summary>
public sealed class KnowledgeSync(UpstashSearchClient client, UpstashSearchOptions options, TextWriter output)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<KnowledgeSyncReport> RunAsync(KnowledgeCorpus corpus, KnowledgeSyncOptions syncOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(syncOptions);
        var started = Stopwatch.GetTimestamp();

        var info = await client.InfoAsync(cancellationToken);
        var documentIds = corpus.Documents.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var chunksByNamespace = KnowledgeChunker.Chunk(corpus.Documents)
            .GroupBy(c => c.Namespace, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var results = new List<NamespaceSyncResult>();
        foreach (var knowledgeNamespace in chunksByNamespace.Keys.Order(StringComparer.Ordinal))
        {
            var result = await SyncNamespaceAsync(knowledgeNamespace, chunksByNamespace[knowledgeNamespace], documentIds, syncOptions, cancellationToken);
            results.Add(result);
            output.WriteLine(Line(result, syncOptions.DryRun));
        }

        // Indexes with this app's prefix whose namespace is gone from the corpus (never with an empty prefix: then
        // every index in the database would look like ours).
        var corpusIndexes = chunksByNamespace.Keys.Select(options.IndexName).ToHashSet(StringComparer.Ordinal);
        var orphans = string.IsNullOrEmpty(options.IndexPrefix)
            ? []
            : (info.Indexes?.Keys ?? []).Where(i => i.StartsWith(options.IndexPrefix, StringComparison.Ordinal) && !corpusIndexes.Contains(i))
                .Order(StringComparer.Ordinal).ToList();
        foreach (var index in orphans)
        {
            var result = await SyncOrphanAsync(index, syncOptions, cancellationToken);
            results.Add(result);
            output.WriteLine(Line(result, syncOptions.DryRun));
        }

        var report = new KnowledgeSyncReport(corpus.Documents.Count, syncOptions.DryRun, results, Stopwatch.GetElapsedTime(started));
        output.WriteLine(Summary(report));
        return report;
    }

    private async Task<NamespaceSyncResult> SyncNamespaceAsync(
        string knowledgeNamespace, List<KnowledgeChunk> chunks, HashSet<string> documentIds, KnowledgeSyncOptions syncOptions, CancellationToken cancellationToken)
    {
        var index = options.IndexName(knowledgeNamespace);
        var existing = await ListAsync(index, cancellationToken);

        var toUpsert = chunks
            .Where(c => !existing.TryGetValue(c.Id, out var stored) || stored.ContentHash != c.ContentHash)
            .ToList();
        var wanted = chunks.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var gone = existing.Keys.Where(id => !wanted.Contains(id)).Order(StringComparer.Ordinal).ToList();
        var toDelete = gone.Where(id => syncOptions.Prune || documentIds.Contains(existing[id].DocumentId)).ToList();

        if (!syncOptions.DryRun)
        {
            foreach (var batch in toUpsert.Chunk(UpstashSearchClient.MaxBatchSize))
            {
                await client.UpsertAsync(index, [.. batch.Select(c => c.ToUpsert())], cancellationToken);
            }

            await DeleteAsync(index, toDelete, cancellationToken);
        }

        return new NamespaceSyncResult(
            knowledgeNamespace, index, chunks.Count, toUpsert.Count, toDelete.Count, chunks.Count - toUpsert.Count, gone.Count - toDelete.Count);
    }

    private async Task<NamespaceSyncResult> SyncOrphanAsync(string index, KnowledgeSyncOptions syncOptions, CancellationToken cancellationToken)
    {
        var existing = await ListAsync(index, cancellationToken);
        var ids = existing.Keys.Order(StringComparer.Ordinal).ToList();
        if (syncOptions.Prune && !syncOptions.DryRun)
        {
            await DeleteAsync(index, ids, cancellationToken);
        }

        return new NamespaceSyncResult(
            index[options.IndexPrefix.Length..], index, 0, 0, syncOptions.Prune ? ids.Count : 0, 0, syncOptions.Prune ? 0 : ids.Count, Orphaned: true);
    }

    /// <summary>What an index holds: chunk id → (document id, content hash). A missing index (404) holds nothing yet.</summary>
    private async Task<Dictionary<string, (string DocumentId, string? ContentHash)>> ListAsync(string index, CancellationToken cancellationToken)
    {
        IReadOnlyList<UpstashStoredDocument> stored;
        try
        {
            stored = await client.ListAllAsync(index, cancellationToken);
        }
        catch (UpstashSearchException ex) when (ex.StatusCode == 404)
        {
            stored = [];
        }

        var existing = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        foreach (var document in stored)
        {
            if (!string.IsNullOrEmpty(document.Id))
            {
                existing[document.Id] = (document.Metadata?.DocumentId ?? KnowledgeChunker.DocumentIdOf(document.Id), document.Metadata?.ContentHash);
            }
        }

        return existing;
    }

    private async Task DeleteAsync(string index, List<string> ids, CancellationToken cancellationToken)
    {
        foreach (var batch in ids.Chunk(UpstashSearchClient.MaxBatchSize))
        {
            await client.DeleteAsync(index, batch, cancellationToken);
        }
    }

    private static string Line(NamespaceSyncResult r, bool dryRun)
    {
        var (upserted, deleted) = dryRun ? ("to upsert", "to delete") : ("upserted", "deleted");
        var line = string.Create(Invariant, $"{r.Namespace}: {r.Chunks} chunks, {r.Upserted} {upserted}, {r.Deleted} {deleted}, {r.Unchanged} unchanged");
        if (r.StaleKept > 0)
        {
            line += string.Create(Invariant, $", {r.StaleKept} stale kept (--prune deletes them)");
        }

        return r.Orphaned ? $"{line} [index {r.Index}: namespace no longer in the corpus]" : line;
    }

    private static string Summary(KnowledgeSyncReport report)
    {
        var verb = report.DryRun ? "Dry run, nothing written:" : "Synced";
        var summary = string.Create(
            Invariant,
            $"{verb} {report.Documents:N0} documents as {report.Chunks:N0} chunks in {report.Namespaces.Count(n => !n.Orphaned)} indexes: " +
            $"{report.Upserted:N0} {(report.DryRun ? "to upsert" : "upserted")}, {report.Deleted:N0} {(report.DryRun ? "to delete" : "deleted")}, " +
            $"{report.Unchanged:N0} unchanged ({report.Elapsed.TotalSeconds:0.0} s).");
        if (report.StaleKept > 0)
        {
            summary += string.Create(Invariant, $" {report.StaleKept:N0} stale chunks of removed documents kept; rerun with --prune to delete them.");
        }

        if (!report.DryRun && report.Upserted > 0)
        {
            summary += " Upstash indexes new chunks asynchronously; they become searchable within seconds.";
        }

        return summary;
    }
}
