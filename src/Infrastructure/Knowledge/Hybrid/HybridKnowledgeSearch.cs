using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.Knowledge.Retrieval;
using Microsoft.Extensions.Logging;

namespace FitCoach.Infrastructure.Knowledge.Hybrid;

/// <summary>
/// BM25 and vector retrieval fused by Reciprocal Rank Fusion: per namespace, BM25's top <see cref="CandidatesPerRanker"/>
/// and the vectors' top as many are merged by rank (k = 60), so a document either method ranks high comes up, and one
/// both rank high comes first. Words find exact terms (exercise names, "RDL", "ACWR"); vectors find the same idea in
/// other words ("bigger arms" for a document on elbow-flexor hypertrophy). Scores are fusion scores divided by the best
/// possible (first in both), in [0, 1] and comparable across namespaces. Passages are BM25's (the best-matching section
/// and sentence) whether or not BM25 ranked the document.
/// Until the vector index and the model are ready, or when embedding the question fails or is slow, the answer is
/// BM25's alone, with BM25's scores: retrieval never fails because the embedding model did.
/// </summary>
public sealed class HybridKnowledgeSearch(
    EmbeddedKnowledgeIndex lexical,
    DocumentVectorIndex vectors,
    ITextEmbedder embedder,
    float minSimilarity,
    ILogger<HybridKnowledgeSearch> logger) : IKnowledgeSearch
{
    public const string ProviderName = "hybrid";

    /// <summary>How deep each ranking goes before fusion; more than any caller's top K, few enough to stay relevant.</summary>
    public const int CandidatesPerRanker = 20;

    private int _embeddingFailing;

    public string Provider => ProviderName;

    public int DocumentCount => lexical.DocumentCount;

    /// <summary>Whether the vector half is answering (the corpus is embedded); false means BM25 alone for now.</summary>
    public bool VectorIndexReady => vectors.IsReady;

    public DocumentVectorIndex VectorIndex => vectors;

    public async Task<IReadOnlyList<KnowledgePassage>> SearchAsync(
        string query, string knowledgeNamespace, int topK, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (topK <= 0)
        {
            return [];
        }

        var depth = Math.Max(CandidatesPerRanker, topK);
        var bm25 = lexical.Index.Search(query, knowledgeNamespace, depth);
        var embedding = await TryEmbedAsync(query, cancellationToken);
        return embedding is null
            ? Top(bm25, topK)
            : Fuse(query, bm25, Admitted(query, vectors.Search(embedding, knowledgeNamespace, depth, minSimilarity)), topK, lexical.Index);
    }

    /// <summary>
    /// One fusion over all <paramref name="namespaces"/>: BM25's best <see cref="CandidatesPerRanker"/> over them (scores
    /// comparable across namespaces: global idf) and the vectors' best as many (cosines, comparable too), fused by RRF.
    /// Fusing each namespace apart and merging by fused score would not work: every namespace's own first hit scores
    /// alike, however weak it is. The question is embedded once; without a vector the answer is BM25's merged best.
    /// </summary>
    public async Task<IReadOnlyList<KnowledgePassage>> SearchManyAsync(
        string query, IReadOnlyList<string> namespaces, int topK, Action<string, TimeSpan, Exception?> searched, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(namespaces);
        ArgumentNullException.ThrowIfNull(searched);
        cancellationToken.ThrowIfCancellationRequested();
        if (topK <= 0)
        {
            return [];
        }

        var embedding = await TryEmbedAsync(query, cancellationToken);
        if (embedding is null)
        {
            return lexical.Index.SearchMerged(query, namespaces, topK, (ns, elapsed) => searched(ns, elapsed, null));
        }

        var depth = Math.Max(CandidatesPerRanker, topK);
        var bm25 = lexical.Index.SearchMerged(query, namespaces, depth, (ns, elapsed) => searched(ns, elapsed, null));
        var admitted = lexical.Index.Admission(query);
        var semantic = namespaces
            .Distinct(StringComparer.Ordinal)
            .SelectMany(ns => vectors.Search(embedding, ns, depth, minSimilarity))
            .Where(h => admitted(h.Id))
            .OrderByDescending(h => h.Similarity)
            .ThenBy(h => h.Id, StringComparer.Ordinal)
            .DistinctBy(h => h.Id)
            .Take(depth)
            .ToList();
        return Fuse(query, bm25, semantic, topK, lexical.Index);
    }

    /// <summary>
    /// The question's vector, or null when retrieval must answer with BM25 alone: the vector index or the model is not
    /// ready (a local model loading is not an outage: nothing is logged), or embedding failed (logged once per outage).
    /// </summary>
    private async Task<float[]?> TryEmbedAsync(string query, CancellationToken cancellationToken)
    {
        if (!vectors.IsReady || vectors.DocumentCount == 0 || string.IsNullOrWhiteSpace(query) || embedder is IBatchTextEmbedder { IsReady: false })
        {
            return null;
        }

        try
        {
            var embedding = await embedder.EmbedAsync(query, cancellationToken);
            if (embedding.Length != vectors.Dimensions)
            {
                throw new DependencyUnavailableException(
                    "embeddings",
                    $"The embedding model {embedder.ModelId} returned {embedding.Length} dimensions for the question; the index has {vectors.Dimensions}.");
            }

            if (Interlocked.Exchange(ref _embeddingFailing, 0) == 1)
            {
                logger.LogInformation("The embedding model answers again; retrieval is hybrid (BM25 + vectors) again");
            }

            return embedding;
        }
        catch (DependencyUnavailableException ex)
        {
            if (Interlocked.Exchange(ref _embeddingFailing, 1) == 0)
            {
                logger.LogWarning(ex, "Embedding the question failed; retrieval answers with BM25 alone until the embedding model answers again");
            }

            return null;
        }
    }

    private static List<KnowledgePassage> Fuse(
        string query, IReadOnlyList<KnowledgePassage> bm25, IReadOnlyList<VectorHit> semantic, int topK, Bm25Index index)
    {
        var lexicalPassages = bm25.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var fused = ReciprocalRankFusion.Fuse([[.. bm25.Select(p => p.Id)], [.. semantic.Select(h => h.Id)]]);
        var passages = new List<KnowledgePassage>(Math.Min(topK, fused.Count));
        foreach (var result in fused)
        {
            var passage = lexicalPassages.GetValueOrDefault(result.Id) ?? index.Passage(result.Id, query);
            if (passage is null)
            {
                continue; // the vector index and the BM25 index are built from the same corpus, so this does not happen
            }

            passages.Add(passage with { Score = Math.Round(result.Score, 4) });
            if (passages.Count == topK)
            {
                break;
            }
        }

        return passages;
    }

    /// <summary>The vector hits BM25 would also allow: a catalog exercise's entry only when the question names it.</summary>
    private List<VectorHit> Admitted(string query, IReadOnlyList<VectorHit> hits)
    {
        var admitted = lexical.Index.Admission(query);
        return [.. hits.Where(h => admitted(h.Id))];
    }

    private static IReadOnlyList<KnowledgePassage> Top(IReadOnlyList<KnowledgePassage> passages, int topK) =>
        passages.Count <= topK ? passages : [.. passages.Take(topK)];
}
