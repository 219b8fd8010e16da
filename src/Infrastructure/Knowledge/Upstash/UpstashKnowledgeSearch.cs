using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Text;
using FitCoach.Infrastructure.Knowledge.Retrieval;

namespace FitCoach.Infrastructure.Knowledge.Upstash;

/// <summary>
/// The knowledge port over Upstash Search: one index per namespace (<see cref="UpstashSearchOptions.IndexName"/>),
/// filled by <c>knowledge sync</c> with the chunks <see cref="KnowledgeChunker"/> cuts. A search asks for a few
/// chunks per wanted document, keeps each document's best chunk, and answers with that chunk's text, a snippet of
/// its sentences closest to the query, and the document's sources. Failures surface as exceptions; the app wraps this
/// in <see cref="FallbackKnowledgeSearch"/> so they never reach a request.
/// </summary>
public sealed class UpstashKnowledgeSearch(UpstashSearchClient client, UpstashSearchOptions options, int documentCount) : IKnowledgeSearch
{
    public const string ProviderName = "upstash";

    /// <summary>Chunks requested per wanted document, so documents cut into several chunks still fill topK.</summary>
    private const int ChunksPerDocument = 3;

    private const int MaxRequestedChunks = 100;
    private const int MaxSnippetChars = 300;

    private readonly TextAnalyzer _analyzer = new();

    public string Provider => ProviderName;

    /// <summary>The corpus's document count: the sync puts every corpus document in Upstash.</summary>
    public int DocumentCount => documentCount;

    public async Task<IReadOnlyList<KnowledgePassage>> SearchAsync(
        string query, string knowledgeNamespace, int topK, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(knowledgeNamespace);
        if (topK <= 0 || string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var hits = await client.SearchAsync(
            options.IndexName(knowledgeNamespace), query.Trim(), Math.Min(topK * ChunksPerDocument, MaxRequestedChunks), cancellationToken);
        var queryTerms = _analyzer.Terms(query).ToHashSet(StringComparer.Ordinal);

        return hits
            .Where(hit => !string.IsNullOrEmpty(hit.Id))
            .GroupBy(hit => hit.Metadata?.DocumentId ?? KnowledgeChunker.DocumentIdOf(hit.Id!), StringComparer.Ordinal)
            .Select(document => (Id: document.Key, Best: document.OrderByDescending(hit => hit.Score).ThenBy(hit => hit.Id, StringComparer.Ordinal).First()))
            .OrderByDescending(d => d.Best.Score)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .Take(topK)
            .Select(d => ToPassage(knowledgeNamespace, d.Id, d.Best, queryTerms))
            .ToList();
    }

    private KnowledgePassage ToPassage(string knowledgeNamespace, string documentId, UpstashSearchHit hit, HashSet<string> queryTerms)
    {
        var title = hit.Metadata?.Title ?? hit.Content?.Title ?? documentId;
        var text = hit.Content?.Text ?? "";
        return new KnowledgePassage(
            knowledgeNamespace,
            documentId,
            title,
            Snippet(text.Length > 0 ? text : title, queryTerms),
            Math.Round(Math.Clamp(hit.Score, 0, 1), 4))
        {
            Text = text,
            References = hit.Metadata?.Sources ?? [],
        };
    }

    /// <summary>The sentence sharing the most terms with the query, plus the next one when both fit in 300 characters.</summary>
    private string Snippet(string text, HashSet<string> queryTerms)
    {
        var sentences = SentenceSplitter.Split(text);
        if (sentences.Count == 0)
        {
            return Cut(text);
        }

        var best = 0;
        var bestOverlap = -1;
        for (var i = 0; i < sentences.Count; i++)
        {
            var overlap = _analyzer.Terms(sentences[i]).Distinct(StringComparer.Ordinal).Count(queryTerms.Contains);
            if (overlap > bestOverlap)
            {
                (best, bestOverlap) = (i, overlap);
            }
        }

        var snippet = sentences[best];
        if (best + 1 < sentences.Count && snippet.Length + 1 + sentences[best + 1].Length <= MaxSnippetChars)
        {
            snippet += " " + sentences[best + 1];
        }

        return Cut(snippet);
    }

    private static string Cut(string text)
    {
        if (text.Length <= MaxSnippetChars)
        {
            return text;
        }

        var space = text.LastIndexOf(' ', MaxSnippetChars - 1);
        return string.Concat(text.AsSpan(0, space > MaxSnippetChars / 2 ? space : MaxSnippetChars - 1), "…");
    }
}
