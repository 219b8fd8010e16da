using System.Collections.Frozen;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Hybrid;

/// <summary>
/// The fake embedding model's "meaning": a hashed bag of crudely stemmed words in <see cref="Dimensions"/> dimensions,
/// where the words of one concept below count as the same word. So "how do I get bigger arms" and "elbow flexor growth"
/// land close together although they share no word, and texts with neither shared words nor concepts are near
/// orthogonal. Deterministic: the same text always gives the same vector.
/// </summary>
public static class FakeSemantics
{
    public const int Dimensions = 256;

    /// <summary>Concepts the BM25 synonym table does not know, so only the vectors can connect these wordings.</summary>
    private static readonly FrozenDictionary<string, string> Concepts = new (string Concept, string[] Words)[]
    {
        ("ARMS", ["arm", "bicep", "flexor", "curl", "forearm"]),
        ("GROWTH", ["bigger", "grow", "growth", "enlarge", "thicker", "larger"]),
        ("SLEEP", ["sleep", "nap", "bedtime", "insomnia", "slumber"]),
        ("TIRED", ["tired", "drowsy", "sluggish", "groggy"]),
    }
        .SelectMany(c => c.Words.Select(w => (Word: w, c.Concept)))
        .ToFrozenDictionary(x => x.Word, x => x.Concept, StringComparer.Ordinal);

    private static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "do", "for", "from", "get", "how", "i", "in", "is", "it", "my",
        "of", "on", "or", "so", "that", "the", "them", "this", "to", "what", "with", "you", "your", "can", "should",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A unit-length vector of <paramref name="dimensions"/> floats; all zeros only for a text of stop words.</summary>
    public static float[] Embed(string text, int dimensions = Dimensions)
    {
        var vector = new float[dimensions];
        foreach (var token in Tokens(text))
        {
            var hash = Fnv1a(token);
            vector[(int)(hash % (uint)dimensions)] += (hash & 0x8000_0000) == 0 ? 1f : -1f;
        }

        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return norm == 0f ? vector : [.. vector.Select(x => x / norm)];
    }

    public static IEnumerable<string> Tokens(string text)
    {
        foreach (var word in text.ToLowerInvariant().Split(
            [' ', '\n', '\t', '.', ',', ';', ':', '?', '!', '(', ')', '-', '\'', '"'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (StopWords.Contains(word))
            {
                continue;
            }

            var stem = Stem(word);
            yield return Concepts.GetValueOrDefault(stem) ?? stem;
        }
    }

    private static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 4 && word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("ses", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;
    }

    private static uint Fnv1a(string token)
    {
        var hash = 2166136261u;
        foreach (var c in token)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
