using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.Knowledge.Retrieval;

/// <summary>
/// The answer cache's question key: the analyzer's key terms (synonyms collapsed to their group), sorted and distinct;
/// and the analyzer's index terms for the coach's sentence matching.
/// </summary>
/// <param name="index">The corpus whose vocabulary corrects misspelt words in <see cref="QueryTerms"/>; none: no correction.</param>
public sealed class AnalyzerTextNormalizer(TextAnalyzer analyzer, EmbeddedKnowledgeIndex? index = null) : ITextNormalizer
{
    /// <summary>Words that set one thing against another, so which comes first changes what is asked.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> Contrast =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(["not", "instead", "rather", "than", "vs", "versus", "nor"], StringComparer.Ordinal);

    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = analyzer.KeyTerms(text);
        if (!TextAnalyzer.Words(text).Any(Contrast.Contains))
        {
            // Word order is noise in "knee pain squatting" / "squatting knee pain", but not in "I feel it in my lower
            // back, not my hamstrings" / "... in my hamstrings, not my lower back": a contrast keeps its order.
            terms.Sort(StringComparer.Ordinal);
        }

        return string.Join(' ', terms.Distinct(StringComparer.Ordinal));
    }

    public IReadOnlyList<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return analyzer.Terms(text);
    }

    /// <summary>The analyzer's terms, a misspelt word corrected to the corpus term it stands for (<see cref="Bm25Index.Correction"/>).</summary>
    public IReadOnlyList<string> QueryTerms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = analyzer.Terms(text);
        if (index is null)
        {
            return terms;
        }

        for (var i = 0; i < terms.Count; i++)
        {
            if (index.Index.Correction(terms[i]) is { } corrected)
            {
                terms[i] = corrected;
            }
        }

        return terms;
    }
}
