namespace FitCoach.Application.Common.Ports;

/// <summary>
/// Reduces text to a canonical key for matching near-duplicate wordings: the retrieval analyzer's stems and synonym
/// groups, stop words dropped, sorted and de-duplicated. "How do I get rid of DOMS?" and "get rid of muscle soreness,
/// how?" give the same key.
/// </summary>
public interface ITextNormalizer
{
    string Normalize(string text);
}
