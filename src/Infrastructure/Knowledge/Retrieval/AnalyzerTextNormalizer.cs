using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.Knowledge.Retrieval;

/// <summary>
/// The answer cache's question key: the analyzer's key terms (synonyms collapsed to their group), sorted and distinct;
/// and the analyzer's index terms for the coach's sentence matching.
/// </summary>
public sealed class AnalyzerTextNormalizer(TextAnalyzer analyzer) : ITextNormalizer
{
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = analyzer.KeyTerms(text);
        terms.Sort(StringComparer.Ordinal);
        return string.Join(' ', terms.Distinct(StringComparer.Ordinal));
    }

    public IReadOnlyList<string> Terms(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return analyzer.Terms(text);
    }
}
