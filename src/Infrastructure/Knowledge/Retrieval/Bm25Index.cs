using System.Collections.Frozen;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Text;
using FitCoach.Application.Features.Exercises.Matching;
using FitCoach.Infrastructure.Knowledge.Corpus;

namespace FitCoach.Infrastructure.Knowledge.Retrieval;

/// <summary>
/// An in-memory BM25 index (Robertson and Zaragoza's Okapi BM25, k1 = 1.2, b = 0.75) over the corpus, partitioned
/// by namespace so a namespace search touches only its own postings, with document frequencies counted over the
/// whole corpus so scores from different namespaces can be merged. Title terms count three times and tags twice.
/// Built once, immutable, safe for concurrent searches.
/// </summary>
public sealed class Bm25Index
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;
    private const int TitleWeight = 3;
    private const int TagWeight = 2;

    /// <summary>Raw BM25 scores are unbounded; s / (s + ScoreScale) maps them monotonically into [0, 1).</summary>
    private const float ScoreScale = 10f;

    /// <summary>How much a synonym-group term weighs in a query relative to a word.</summary>
    private const float GroupTermWeight = 0.6f;

    /// <summary>
    /// How much a number weighs in a query: numbers in questions are mostly the asker's own data (age, loads, times),
    /// rarely the topic, and they collide with the numbers in prescriptions.
    /// </summary>
    private const float NumberTermWeight = 0.3f;

    /// <summary>Shorter words are not corrected: one edit from a short word is usually another word ("rows", "rose").</summary>
    public const int MinCorrectedLength = 6;

    private const int MaxSnippetChars = 300;
    private const int MaxTextChars = 1600;
    private const int MinTextChars = 700;

    private readonly TextAnalyzer _analyzer;
    private readonly IndexedDocument[] _documents;
    private readonly FrozenDictionary<string, NamespacePartition> _partitions;
    private readonly FrozenDictionary<string, float> _idf;
    private readonly FrozenDictionary<string, int> _positions;
    private readonly float _averageLength;
    private readonly FrozenDictionary<char, string[]> _vocabularyByInitial;

    public Bm25Index(IEnumerable<KnowledgeDocument> documents, TextAnalyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _analyzer = analyzer ?? throw new ArgumentNullException(nameof(analyzer));
        _documents = [.. documents.Select(Analyze)];

        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var doc in _documents)
        {
            foreach (var term in doc.TermFrequencies.Keys)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        var n = _documents.Length;
        _idf = documentFrequency.ToFrozenDictionary(
            kv => kv.Key,
            kv => MathF.Log(1f + ((n - kv.Value + 0.5f) / (kv.Value + 0.5f))),
            StringComparer.Ordinal);
        _vocabularyByInitial = _idf.Keys
            .Where(t => t.Length >= MinCorrectedLength - 1 && t.All(char.IsAsciiLetterLower))
            .GroupBy(t => t[0])
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(t => _idf[t]).ThenBy(t => t, StringComparer.Ordinal).ToArray());
        var averageLength = n == 0 ? 1f : (float)_documents.Average(d => d.Length);
        _averageLength = averageLength;
        _positions = _documents.Select((doc, index) => (doc.Document.Id, index)).ToFrozenDictionary(x => x.Id, x => x.index, StringComparer.Ordinal);

        _partitions = _documents
            .Select((doc, index) => (doc, index))
            .GroupBy(x => x.doc.Document.Namespace, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => NamespacePartition.Build([.. g.Select(x => x.index)], _documents, averageLength), StringComparer.Ordinal);
    }

    public int DocumentCount => _documents.Length;

    /// <summary>
    /// The corpus term a misspelt query term stands for: a term of <see cref="MinCorrectedLength"/> letters or more
    /// that no document has, one edit (a letter added, dropped, changed, or two neighbours swapped) from a term the
    /// corpus has, the commonest such ("caffien" from "caffiene" → "caffein"). Null when the term is known, short,
    /// not a word, or has no such neighbour.
    /// </summary>
    public string? Correction(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        if (term.Length < MinCorrectedLength || _idf.ContainsKey(term) || !term.All(char.IsAsciiLetterLower)
            || !_vocabularyByInitial.TryGetValue(term[0], out var candidates))
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - term.Length) <= 1 && TokenDistance.Bounded(term, candidate, 1) <= 1)
            {
                return candidate; // commonest first: the likeliest intended word
            }
        }

        return null;
    }

    public IReadOnlyCollection<string> Namespaces => _partitions.Keys;

    public TextAnalyzer Analyzer => _analyzer;

    /// <summary>The best <paramref name="topK"/> documents of one namespace for the query, best first.</summary>
    public IReadOnlyList<KnowledgePassage> Search(string query, string knowledgeNamespace, int topK)
    {
        if (topK <= 0 || !_partitions.TryGetValue(knowledgeNamespace, out var partition))
        {
            return [];
        }

        var queryTerms = QueryTerms(query);
        if (queryTerms.Count == 0)
        {
            return [];
        }

        var scores = Score(partition, queryTerms);
        return Top(scores, topK)
            .Select(local => ToPassage(_documents[partition.DocumentIndexes[local]], scores[local], queryTerms))
            .ToList();
    }

    /// <summary>
    /// The best <paramref name="topK"/> documents over several namespaces, scored namespace by namespace (each timed for
    /// <paramref name="searched"/>) and merged by score; passages are built only for the documents kept.
    /// </summary>
    public IReadOnlyList<KnowledgePassage> SearchMerged(string query, IReadOnlyList<string> namespaces, int topK, Action<string, TimeSpan> searched)
    {
        ArgumentNullException.ThrowIfNull(namespaces);
        ArgumentNullException.ThrowIfNull(searched);
        var queryTerms = QueryTerms(query);
        var candidates = new List<(int Document, float Score)>();
        foreach (var name in namespaces)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            if (topK > 0 && queryTerms.Count > 0 && _partitions.TryGetValue(name, out var partition))
            {
                var scores = Score(partition, queryTerms);
                foreach (var local in Top(scores, topK))
                {
                    candidates.Add((partition.DocumentIndexes[local], scores[local]));
                }
            }

            searched(name, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }

        return candidates
            .OrderByDescending(c => c.Score)
            .ThenBy(c => _documents[c.Document].Document.Id, StringComparer.Ordinal)
            .Take(Math.Max(topK, 0))
            .Select(c => ToPassage(_documents[c.Document], c.Score, queryTerms))
            .ToList();
    }

    /// <summary>
    /// Every namespace with its best document's score for the query (normalised like passage scores), best first;
    /// namespaces where no document matches are left out. No passages are built, so this costs a fraction of a search.
    /// </summary>
    public List<(string Namespace, double Score)> NamespaceAffinity(string query)
    {
        var queryTerms = QueryTerms(query);
        var affinity = new List<(string, double)>();
        if (queryTerms.Count == 0)
        {
            return affinity;
        }

        foreach (var (name, partition) in _partitions)
        {
            var best = Score(partition, queryTerms).Max();
            if (best > 0f)
            {
                affinity.Add((name, Math.Round(best / (best + ScoreScale), 4)));
            }
        }

        affinity.Sort((a, b) => b.Item2.CompareTo(a.Item2));
        return affinity;
    }

    private static float[] Score(NamespacePartition partition, List<(string Term, float Idf)> queryTerms)
    {
        var scores = new float[partition.DocumentIndexes.Length];
        foreach (var (term, idf) in queryTerms)
        {
            if (!partition.Postings.TryGetValue(term, out var postings))
            {
                continue;
            }

            foreach (var posting in postings)
            {
                var tf = posting.Frequency;
                scores[posting.Local] += idf * (tf * (K1 + 1f) / (tf + partition.LengthNorm[posting.Local]));
            }
        }

        for (var local = 0; local < scores.Length; local++)
        {
            scores[local] *= partition.Weights[local];
            if (scores[local] > 0f && partition.Names[local] is { } name && !Names(name, queryTerms))
            {
                scores[local] = 0f;
            }
        }

        return scores;
    }

    /// <summary>
    /// Whether the query names the exercise a catalog entry describes: every word of its name (equipment words aside)
    /// is a term of the query, or a synonym of one. A catalog entry only says what an exercise is and works, so it
    /// answers a question about that exercise and nothing else: "quads trashed, skip leg day?" must not find "Fast
    /// Skipping", nor "never set foot in a gym, where do I start" the "Rocking Standing Calf Raise".
    /// </summary>
    private static bool Names(string[][] name, List<(string Term, float Idf)> queryTerms)
    {
        foreach (var alternatives in name)
        {
            if (!queryTerms.Exists(q => Array.IndexOf(alternatives, q.Term) >= 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Which documents a search for <paramref name="query"/> may return: any written document; a catalog exercise's
    /// entry only when the query names the exercise (see <see cref="Names"/>). Lets a search that ranks documents
    /// another way (by vectors) apply the same rule; the query is analysed once, on the first catalog entry asked about.
    /// </summary>
    public Func<string, bool> Admission(string query)
    {
        List<(string Term, float Idf)>? terms = null;
        return documentId =>
        {
            if (!_positions.TryGetValue(documentId, out var position) || _documents[position].Name is not { } name)
            {
                return true;
            }

            terms ??= QueryTerms(query);
            return Names(name, terms);
        };
    }

    /// <summary>
    /// The passage <see cref="Search"/> would give for one document, found by id: its BM25 score for the query (zero
    /// when no query term occurs in it) and the section and sentence that match the query best (the first ones when
    /// none does). Null when no document has the id. Lets a search that ranks documents another way (by vectors) show
    /// them as this index does.
    /// </summary>
    public KnowledgePassage? Passage(string documentId, string query)
    {
        if (!_positions.TryGetValue(documentId, out var position))
        {
            return null;
        }

        var doc = _documents[position];
        var queryTerms = QueryTerms(query);
        var lengthNorm = K1 * (1f - B + (B * doc.Length / _averageLength));
        var raw = 0f;
        foreach (var (term, idf) in queryTerms)
        {
            if (doc.TermFrequencies.TryGetValue(term, out var tf))
            {
                raw += idf * (tf * (K1 + 1f) / (tf + lengthNorm));
            }
        }

        return ToPassage(doc, raw, queryTerms);
    }

    /// <summary>
    /// The query's distinct terms with their weight (idf; a synonym-group term counts <see cref="GroupTermWeight"/> of
    /// its idf, because its phrase's own words are usually terms of the query too). Terms no document has are dropped.
    /// </summary>
    public List<(string Term, float Idf)> QueryTerms(string query)
    {
        var analyzed = _analyzer.Terms(query);
        var terms = new List<(string, float)>();
        foreach (var analyzedTerm in analyzed)
        {
            var term = _idf.ContainsKey(analyzedTerm) ? analyzedTerm : Correction(analyzedTerm) ?? analyzedTerm;
            if (!_idf.TryGetValue(term, out var idf) || terms.Exists(t => t.Item1 == term))
            {
                continue;
            }

            if (term.StartsWith('~'))
            {
                idf *= GroupTermWeight;
            }
            else if (char.IsDigit(term[0]))
            {
                idf *= NumberTermWeight;
            }
            else
            {
                // A word of a synonym group is worth no more than its group: "hurt" is rare in the corpus only
                // because documents say "pain", which must not make "hurt" outweigh the rest of the question.
                foreach (var group in _analyzer.SynonymGroupsOf(term))
                {
                    if (_idf.TryGetValue(group, out var groupIdf) && groupIdf < idf)
                    {
                        idf = groupIdf;
                    }
                }
            }

            terms.Add((term, idf));
        }

        return terms;
    }

    private static List<int> Top(float[] scores, int topK)
    {
        var best = new List<int>(topK + 1);
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] <= 0f)
            {
                continue;
            }

            if (best.Count == topK && scores[i] <= scores[best[^1]])
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && scores[best[at - 1]] < scores[i])
            {
                at--;
            }

            best.Insert(at, i);
            if (best.Count > topK)
            {
                best.RemoveAt(best.Count - 1);
            }
        }

        return best;
    }

    private KnowledgePassage ToPassage(IndexedDocument doc, float raw, List<(string Term, float Idf)> queryTerms)
    {
        var ranked = doc.Sections
            .Select((section, i) => (section, i, weight: Overlap(section.Terms, queryTerms)))
            .OrderByDescending(s => s.weight)
            .ThenBy(s => s.i)
            .ToList();
        var best = ranked[0].section;

        // The best-matching section, then further matching sections while they fit, in the document's order.
        var chosen = new List<(IndexedSection Section, int Index)> { (best, ranked[0].i) };
        var length = best.Display.Length;
        foreach (var (section, i, weight) in ranked.Skip(1))
        {
            if (weight <= 0 || length + section.Display.Length > MaxTextChars)
            {
                continue;
            }

            chosen.Add((section, i));
            length += section.Display.Length + 2;
        }

        // A short match gets the sections around it, which usually carry its context.
        foreach (var neighbour in new[] { ranked[0].i + 1, ranked[0].i - 1 })
        {
            if (length >= MinTextChars || neighbour < 0 || neighbour >= doc.Sections.Count || chosen.Exists(c => c.Index == neighbour))
            {
                continue;
            }

            var section = doc.Sections[neighbour];
            if (length + section.Display.Length <= MaxTextChars)
            {
                chosen.Add((section, neighbour));
                length += section.Display.Length + 2;
            }
        }

        var text = string.Join("\n\n", chosen.OrderBy(c => c.Index).Select(c => c.Section.Display));

        return new KnowledgePassage(
            doc.Document.Namespace,
            doc.Document.Id,
            doc.Document.Title,
            Snippet(best, queryTerms),
            Math.Round(raw / (raw + ScoreScale), 4))
        {
            Text = text.Length > MaxTextChars ? Cut(text, MaxTextChars) : text,
            References = doc.Document.Sources,
        };
    }

    private static string Snippet(IndexedSection section, List<(string Term, float Idf)> queryTerms)
    {
        var sentences = section.Sentences;
        if (sentences.Length == 0)
        {
            return Cut(section.Text, MaxSnippetChars);
        }

        var bestIndex = 0;
        var bestWeight = -1f;
        for (var i = 0; i < sentences.Length; i++)
        {
            var weight = Overlap(sentences[i].Terms, queryTerms);
            if (weight > bestWeight)
            {
                (bestIndex, bestWeight) = (i, weight);
            }
        }

        var snippet = sentences[bestIndex].Text;
        if (bestIndex + 1 < sentences.Length && snippet.Length + sentences[bestIndex + 1].Text.Length + 1 <= MaxSnippetChars)
        {
            snippet += " " + sentences[bestIndex + 1].Text;
        }

        return Cut(snippet, MaxSnippetChars);
    }

    private static float Overlap(FrozenSet<string> terms, List<(string Term, float Idf)> queryTerms)
    {
        var weight = 0f;
        foreach (var (term, idf) in queryTerms)
        {
            if (terms.Contains(term))
            {
                weight += idf;
            }
        }

        return weight;
    }

    private static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var space = text.LastIndexOf(' ', max - 1);
        return string.Concat(text.AsSpan(0, space > max / 2 ? space : max - 1), "…");
    }

    private IndexedDocument Analyze(KnowledgeDocument document)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        var length = 0;
        void Count(IEnumerable<string> terms, int weight)
        {
            foreach (var term in terms)
            {
                frequencies[term] = frequencies.GetValueOrDefault(term) + weight;
                length++;
            }
        }

        Count(_analyzer.Terms(document.Title), TitleWeight);
        Count(_analyzer.Terms(string.Join(". ", document.Tags)), TagWeight);
        var sections = new List<IndexedSection>(document.Sections.Count);
        foreach (var section in document.Sections)
        {
            var terms = _analyzer.Terms(section.Heading + ". " + section.Text);
            if (section.Indexed)
            {
                Count(terms, 1);
            }

            var sentences = SentenceSplitter.Split(section.Text)
                .Select(sentence => new IndexedSentence(sentence, _analyzer.Terms(sentence).ToFrozenSet(StringComparer.Ordinal)))
                .ToArray();
            sections.Add(new IndexedSection(section.Heading, section.Text, terms.ToFrozenSet(StringComparer.Ordinal), sentences));
        }

        if (sections.Count == 0)
        {
            sections.Add(new IndexedSection("", document.Title, FrozenSet<string>.Empty, []));
        }

        return new IndexedDocument(document, frequencies, length, sections, CatalogName(document));
    }

    /// <summary>
    /// Equipment and stance words a question may leave out when it names a catalog exercise ("how do I do Zercher
    /// squats", "rowing machine workouts" for "Rowing, Stationary").
    /// </summary>
    private static readonly FrozenSet<string> OptionalNameWords = new[]
    {
        "barbell", "barbells", "dumbbell", "dumbbells", "kettlebell", "kettlebells", "cable", "cables", "machine", "band",
        "bands", "banded", "smith", "ez", "bar", "lever", "plate", "bodyweight", "weighted", "with", "on", "using",
        "stationary", "assisted", "standing", "seated",
    }.ToFrozenSet(StringComparer.Ordinal);

    private string[][]? CatalogName(KnowledgeDocument document)
    {
        if (!document.Id.StartsWith(CatalogExerciseDocuments.IdPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = document.Title.EndsWith(CatalogExerciseDocuments.TitleSuffix, StringComparison.Ordinal)
            ? document.Title[..^CatalogExerciseDocuments.TitleSuffix.Length]
            : document.Title;
        return [.. TextAnalyzer.Words(name)
            .Where(w => !OptionalNameWords.Contains(w) && !TextAnalyzer.IsStopWord(w))
            .Select(_analyzer.Stem)
            .Distinct(StringComparer.Ordinal)
            .Select(stem => new[] { stem }.Concat(_analyzer.SynonymGroupsOf(stem)).ToArray())];
    }

    private sealed record IndexedSentence(string Text, FrozenSet<string> Terms);

    private sealed record IndexedSection(string Heading, string Text, FrozenSet<string> Terms, IndexedSentence[] Sentences)
    {
        /// <summary>The heading on a line of its own, so sentence splitting never glues it to the first sentence.</summary>
        public string Display => Heading.Length == 0 ? Text : $"{Heading}\n{Text}";
    }

    /// <param name="Name">For a catalog exercise's entry, the words of its name (each with its synonym groups); else null.</param>
    private sealed record IndexedDocument(KnowledgeDocument Document, Dictionary<string, int> TermFrequencies, int Length, List<IndexedSection> Sections, string[][]? Name);

    private readonly record struct Posting(int Local, float Frequency);

    private sealed class NamespacePartition
    {
        public required int[] DocumentIndexes { get; init; }

        /// <summary>k1 · (1 − b + b · length / average length), per local document.</summary>
        public required float[] LengthNorm { get; init; }

        /// <summary>Each local document's score prior.</summary>
        public required float[] Weights { get; init; }

        public required FrozenDictionary<string, Posting[]> Postings { get; init; }

        /// <summary>Per local document, the catalog exercise name a query must contain (null: a written document).</summary>
        public required string[][]?[] Names { get; init; }

        public static NamespacePartition Build(int[] documentIndexes, IndexedDocument[] documents, float averageLength)
        {
            var postings = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
            var lengthNorm = new float[documentIndexes.Length];
            var weights = new float[documentIndexes.Length];
            for (var local = 0; local < documentIndexes.Length; local++)
            {
                var doc = documents[documentIndexes[local]];
                lengthNorm[local] = K1 * (1f - B + (B * doc.Length / averageLength));
                weights[local] = doc.Document.Weight;
                foreach (var (term, tf) in doc.TermFrequencies)
                {
                    if (!postings.TryGetValue(term, out var list))
                    {
                        postings[term] = list = [];
                    }

                    list.Add(new Posting(local, tf));
                }
            }

            return new NamespacePartition
            {
                DocumentIndexes = documentIndexes,
                LengthNorm = lengthNorm,
                Weights = weights,
                Postings = postings.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
                Names = [.. documentIndexes.Select(i => documents[i].Name)],
            };
        }
    }
}
