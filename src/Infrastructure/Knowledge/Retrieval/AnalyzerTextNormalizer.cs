using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.Knowledge.Retrieval;

/// <summary>The answer cache's question key, from the same analyzer retrieval uses.</summary>
public sealed class AnalyzerTextNormalizer(TextAnalyzer analyzer) : ITextNormalizer
{
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = analyzer.Terms(text);
        terms.Sort(StringComparer.Ordinal);
        return string.Join(' ', terms.Distinct(StringComparer.Ordinal));
    }
}
