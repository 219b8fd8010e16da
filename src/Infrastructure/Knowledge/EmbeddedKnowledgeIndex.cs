using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Knowledge.Corpus;
using FitCoach.Infrastructure.Knowledge.Retrieval;

namespace FitCoach.Infrastructure.Knowledge;

/// <summary>
/// The default knowledge port: the whole corpus in an in-process BM25 index built at startup. No network, no keys;
/// it is also the fallback when Upstash is configured but unreachable.
/// </summary>
public sealed class EmbeddedKnowledgeIndex(Bm25Index index) : IKnowledgeSearch
{
    public const string ProviderName = "embedded";

    public string Provider => ProviderName;

    public int DocumentCount => index.DocumentCount;

    public Bm25Index Index => index;

    public Task<IReadOnlyList<KnowledgePassage>> SearchAsync(
        string query, string knowledgeNamespace, int topK, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(index.Search(query, knowledgeNamespace, topK));
    }

    /// <summary>One pass: every namespace is scored (and timed), passages are built only for the merged best.</summary>
    public Task<IReadOnlyList<KnowledgePassage>> SearchManyAsync(
        string query, IReadOnlyList<string> namespaces, int topK, Action<string, TimeSpan, Exception?> searched, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(searched);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(index.SearchMerged(query, namespaces, topK, (ns, elapsed) => searched(ns, elapsed, null)));
    }

    /// <summary>The index over the corpus, with the app's shared analyzer when given (one stem cache for the process).</summary>
    public static EmbeddedKnowledgeIndex Build(KnowledgeCorpus corpus, TextAnalyzer? analyzer = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return new(new Bm25Index(corpus.Documents, analyzer ?? new TextAnalyzer()));
    }
}
