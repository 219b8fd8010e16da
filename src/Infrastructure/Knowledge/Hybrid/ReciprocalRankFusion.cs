namespace FitCoach.Infrastructure.Knowledge.Hybrid;

/// <summary>A fused result: the document, its normalised fusion score, and its 1-based rank in each input (0 = absent).</summary>
public sealed record FusedRank(string Id, double Score, IReadOnlyList<int> Ranks);

/// <summary>
/// Reciprocal Rank Fusion (Cormack, Clarke and Büttcher, SIGIR 2009): score(d) = Σ 1 / (k + rank(d)) over the rankings
/// that contain d, ranks from 1, with k = 60, the paper's value, which Azure AI Search, Elasticsearch and Chroma use too.
/// Only ranks count, so BM25 scores and cosine similarities, which live on different scales, need no calibration.
/// </summary>
public static class ReciprocalRankFusion
{
    public const int K = 60;

    /// <summary>
    /// The documents of all <paramref name="rankings"/> (each best first, ids distinct within one), best first. Scores are
    /// divided by the best possible, first in every ranking (n / (k + 1)), so they lie in (0, 1] and mean the same for
    /// every query and namespace. Ties go to the document with the better best rank, then to the earlier ranking's
    /// order, then to the id. <paramref name="weights"/> (one per ranking, default all 1) scale each ranking's share:
    /// weighted RRF, as Elasticsearch's and Azure AI Search's hybrid queries offer.
    /// </summary>
    public static IReadOnlyList<FusedRank> Fuse(IReadOnlyList<IReadOnlyList<string>> rankings, int k = K, IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(rankings);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (weights is not null && (weights.Count != rankings.Count || weights.Any(w => !double.IsFinite(w) || w <= 0)))
        {
            throw new ArgumentException("One positive weight per ranking.", nameof(weights));
        }

        if (rankings.Count == 0)
        {
            return [];
        }

        var ranks = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var r = 0; r < rankings.Count; r++)
        {
            var ranking = rankings[r];
            for (var i = 0; i < ranking.Count; i++)
            {
                if (!ranks.TryGetValue(ranking[i], out var documentRanks))
                {
                    ranks[ranking[i]] = documentRanks = new int[rankings.Count];
                }

                if (documentRanks[r] == 0)
                {
                    documentRanks[r] = i + 1;
                }
            }
        }

        var best = (weights?.Sum() ?? rankings.Count) / (k + 1);
        return [.. ranks
            .Select(kv => new FusedRank(kv.Key, kv.Value.Select((rank, r) => rank > 0 ? (weights?[r] ?? 1.0) / (k + rank) : 0).Sum() / best, kv.Value))
            .OrderByDescending(f => f.Score)
            .ThenBy(f => f.Ranks.Where(rank => rank > 0).Min())
            .ThenBy(f => TieOrder(f.Ranks))
            .ThenBy(f => f.Id, StringComparer.Ordinal)];
    }

    /// <summary>The first ranking the document is in, then its rank there: earlier rankings win ties.</summary>
    private static long TieOrder(IReadOnlyList<int> ranks)
    {
        for (var r = 0; r < ranks.Count; r++)
        {
            if (ranks[r] > 0)
            {
                return ((long)r << 32) | (uint)ranks[r];
            }
        }

        return long.MaxValue;
    }
}
