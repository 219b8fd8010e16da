namespace FitCoach.Application.Common.Ports;

/// <summary>
/// Reduces text to a canonical key for matching near-duplicate wordings: the retrieval analyzer's stems and synonym
/// groups, stop words dropped, sorted and de-duplicated. "How do I get rid of DOMS?" and "get rid of muscle soreness,
/// how?" give the same key.
/// </summary>
public interface ITextNormalizer
{
    string Normalize(string text);

    /// <summary>
    /// The retrieval analyzer's terms of <paramref name="text"/>, what its index matches on: the stem of every word
    /// that is not a stop word (numbers as written), plus the group term (<c>~name</c>) of every synonym phrase the text
    /// mentions, so "coffee" and "caffeine" meet in <c>~caffeine</c> while each keeps its own stem. Repeats kept.
    /// </summary>
    IReadOnlyList<string> Terms(string text) => Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// The <see cref="Terms"/> of something a user typed, a misspelt word replaced by the knowledge base's word it
    /// stands for ("caffiene" finds what "caffeine" does). Only for user text: the corpus's own sentences are spelt right.
    /// </summary>
    IReadOnlyList<string> QueryTerms(string text) => Terms(text);
}
