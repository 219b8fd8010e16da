namespace FitCoach.Application.Common.Ports;

/// <summary>
/// A retrieved knowledge passage. The positional part is the contract's <c>Source</c>; <see cref="Text"/> (the
/// matching section of the document) and <see cref="References"/> (the studies and books the document cites) are
/// what answers are composed from and cite.
/// </summary>
public sealed record KnowledgePassage(string Namespace, string Id, string Title, string Snippet, double Score)
{
    /// <summary>The part of the document that matched, a few hundred words at most; the snippet when nothing more is known.</summary>
    public string Text { get; init; } = "";

    /// <summary>The document's sources (front matter <c>sources</c>), as written.</summary>
    public IReadOnlyList<string> References { get; init; } = [];
}

public interface IKnowledgeSearch
{
    /// <summary>The provider name used in metrics and logs (e.g. <c>embedded</c>, <c>upstash</c>).</summary>
    string Provider { get; }

    /// <summary>Number of documents the index can search; zero means retrieval returns nothing.</summary>
    int DocumentCount { get; }

    /// <summary>
    /// The best <paramref name="topK"/> passages in one namespace, best first, at most one per document. Scores are in
    /// [0, 1] and comparable across the namespaces of one provider, so callers merge namespaces by score.
    /// </summary>
    Task<IReadOnlyList<KnowledgePassage>> SearchAsync(
        string query, string knowledgeNamespace, int topK, CancellationToken cancellationToken);

    /// <summary>
    /// The best <paramref name="topK"/> passages over <paramref name="namespaces"/>, best first, at most one per
    /// document. <paramref name="searched"/> is told each namespace's search time, and the exception when that
    /// namespace failed: a failing namespace is left out, never fails the search. By default every namespace is
    /// searched in parallel and the results merged by score; the in-process index overrides this with one pass that
    /// builds passages only for the merged best.
    /// </summary>
    async Task<IReadOnlyList<KnowledgePassage>> SearchManyAsync(
        string query, IReadOnlyList<string> namespaces, int topK, Action<string, TimeSpan, Exception?> searched, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(namespaces);
        ArgumentNullException.ThrowIfNull(searched);
        var perNamespace = await Task.WhenAll(namespaces.Select(async ns =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                var found = await SearchAsync(query, ns, topK, cancellationToken);
                searched(ns, System.Diagnostics.Stopwatch.GetElapsedTime(started), null);
                return found;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                searched(ns, System.Diagnostics.Stopwatch.GetElapsedTime(started), ex);
                return [];
            }
        }));
        return [.. perNamespace
            .SelectMany(p => p)
            .GroupBy(p => p.Id, StringComparer.Ordinal)
            .Select(g => g.MaxBy(p => p.Score)!)
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(topK)];
    }
}
