using System.Collections.Frozen;
using FitCoach.Domain.Exercises;

namespace FitCoach.Application.Features.Exercises.Matching;

/// <summary>
/// Turns an exercise name or a query into canonical tokens. Catalog names and queries go through the same steps, so
/// the matcher compares like with like; the result depends on nothing but the text, which makes it a cache key.
/// </summary>
internal static class QueryNormalizer
{
    private const int MaxRewritePasses = 4;
    private const int MinGluedLength = 5;
    private const int MaxSplitParts = 3;

    private static readonly FrozenSet<string> StopwordSet =
        MatchVocabulary.Stopwords.Select(Stem).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Rule[]> RulesByFirstToken = BuildRules();

    private static readonly FrozenSet<string> KnownWords = BuildKnownWords();

    /// <summary>Canonical tokens of <paramref name="text"/>; an equipment hint is added when the text names none.</summary>
    public static List<string> Normalize(string text, string? equipmentHint = null)
    {
        var tokens = Tokenize(text);
        JoinSpelledLetters(tokens);
        for (var i = 0; i < tokens.Count; i++)
        {
            tokens[i] = Stem(tokens[i]);
        }

        SplitGlued(tokens, KnownWords);
        Rewrite(tokens);
        tokens.RemoveAll(StopwordSet.Contains);
        ExpandBareBench(tokens);
        AddEquipmentHint(tokens, equipmentHint);
        RemoveDuplicates(tokens);
        return tokens;
    }

    /// <summary>
    /// The steps after tokenizing, again, once the matcher has corrected misspelt words: "smith macihne" only
    /// becomes "smith" when "machine" is spelt right.
    /// </summary>
    public static void Renormalize(List<string> tokens)
    {
        Rewrite(tokens);
        tokens.RemoveAll(StopwordSet.Contains);
        ExpandBareBench(tokens);
        RemoveDuplicates(tokens);
    }

    /// <summary>Lower-cased runs of letters or digits; apostrophes vanish so "farmer's" and "farmers" agree.</summary>
    internal static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var kind = 0;
        foreach (var raw in text)
        {
            if (raw is '\'' or '\u2019' or '`' or '\u00B4')
            {
                continue;
            }

            var c = char.ToLowerInvariant(raw);
            var charKind = char.IsDigit(c) ? 2 : char.IsLetter(c) ? 1 : 0;
            if (charKind != kind && length > 0)
            {
                tokens.Add(new string(buffer[..length]));
                length = 0;
            }

            kind = charKind;
            if (charKind != 0)
            {
                buffer[length++] = c;
            }
            else if (raw == '&')
            {
                tokens.Add("and");
            }
        }

        if (length > 0)
        {
            tokens.Add(new string(buffer[..length]));
        }

        return tokens;
    }

    /// <summary>Plural endings off, so "curls", "presses" and "lunges" meet "curl", "press" and "lunge".</summary>
    internal static string Stem(string token)
    {
        if (token.Length < 3 || !char.IsLetter(token[^1]))
        {
            return token;
        }

        if (MatchVocabulary.IrregularStems.TryGetValue(token, out var irregular))
        {
            return irregular;
        }

        if (token.EndsWith("sses", StringComparison.Ordinal) || token.EndsWith("ches", StringComparison.Ordinal)
            || token.EndsWith("shes", StringComparison.Ordinal) || token.EndsWith("xes", StringComparison.Ordinal))
        {
            return token[..^2];
        }

        // A four-letter word in "es" is more often a typo ("pres") than a plural; it is left for edit distance.
        if (token.EndsWith("ss", StringComparison.Ordinal) || token.EndsWith("us", StringComparison.Ordinal)
            || token.EndsWith("is", StringComparison.Ordinal) || !token.EndsWith('s')
            || (token.Length == 4 && token[2] == 'e'))
        {
            return token;
        }

        return token[..^1];
    }

    /// <summary>
    /// Cuts a glued word into known words ("benchpress" to "bench press"); only words the vocabulary does not know
    /// are cut, and never into stopwords, so real words stay whole.
    /// </summary>
    internal static void SplitGlued(List<string> tokens, IReadOnlySet<string> known)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Length < MinGluedLength || known.Contains(token) || RulesByFirstToken.ContainsKey(token)
                || !IsLetters(token))
            {
                continue;
            }

            var parts = new List<string>(MaxSplitParts);
            if (TrySplit(token, known, parts, MaxSplitParts))
            {
                tokens.RemoveAt(i);
                tokens.InsertRange(i, parts);
                i += parts.Count - 1;
            }
        }
    }

    internal static bool IsLetters(string token)
    {
        foreach (var c in token)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TrySplit(string token, IReadOnlySet<string> known, List<string> parts, int maxParts)
    {
        // Of several possible cuts the most even wins, so a two-letter word ("ab", "db") only splits off the edge
        // of a glued word when nothing longer fits.
        var bestCut = -1;
        var bestBalance = 0;
        for (var cut = 2; cut <= token.Length - 2; cut++)
        {
            var balance = Math.Min(cut, token.Length - cut);
            if (balance > bestBalance && IsSplitPart(token[..cut], known) && IsSplitPart(token[cut..], known))
            {
                bestCut = cut;
                bestBalance = balance;
            }
        }

        if (bestCut > 0)
        {
            parts.Add(token[..bestCut]);
            parts.Add(token[bestCut..]);
            return true;
        }

        if (maxParts < 3)
        {
            return false;
        }

        for (var cut = token.Length - 3; cut >= 2; cut--)
        {
            var head = token[..cut];
            if (!IsSplitPart(head, known))
            {
                continue;
            }

            parts.Add(head);
            if (TrySplit(token[cut..], known, parts, maxParts - 1))
            {
                return true;
            }

            parts.RemoveAt(parts.Count - 1);
        }

        return false;
    }

    private static bool IsSplitPart(string part, IReadOnlySet<string> known) =>
        !StopwordSet.Contains(part) && (known.Contains(part) || RulesByFirstToken.ContainsKey(part));

    private static void JoinSpelledLetters(List<string> tokens)
    {
        // "r d l", "o h p" and "e z" come from speech recognition spelling out abbreviations; "a" and "i" are words.
        for (var i = 0; i < tokens.Count; i++)
        {
            var end = i;
            while (end < tokens.Count && IsSpelledLetter(tokens[end]))
            {
                end++;
            }

            if (end - i >= 2)
            {
                var joined = string.Concat(tokens.GetRange(i, end - i));
                tokens.RemoveRange(i, end - i);
                tokens.Insert(i, joined);
            }
        }
    }

    private static bool IsSpelledLetter(string token) =>
        token.Length == 1 && char.IsLetter(token[0]) && token[0] is not ('a' or 'i');

    private static void Rewrite(List<string> tokens)
    {
        for (var pass = 0; pass < MaxRewritePasses; pass++)
        {
            var changed = false;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (!RulesByFirstToken.TryGetValue(tokens[i], out var rules))
                {
                    continue;
                }

                foreach (var rule in rules)
                {
                    if (!Matches(tokens, i, rule.From))
                    {
                        continue;
                    }

                    tokens.RemoveRange(i, rule.From.Length);
                    tokens.InsertRange(i, rule.To);
                    i += rule.To.Length - 1;
                    changed = true;
                    break;
                }
            }

            if (!changed)
            {
                return;
            }
        }
    }

    private static bool Matches(List<string> tokens, int start, string[] phrase)
    {
        if (start + phrase.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < phrase.Length; k++)
        {
            if (!string.Equals(tokens[start + k], phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static void ExpandBareBench(List<string> tokens)
    {
        var bench = tokens.IndexOf("bench");
        if (bench < 0)
        {
            return;
        }

        // Only words that qualify a bench press may stand next to it: "incline db bench" is a press, while "bench
        // dips", "bench pres" and "park bench" are not (or not surely) one.
        foreach (var token in tokens)
        {
            if (token != "bench" && !MatchVocabulary.BenchPressModifiers.Contains(token)
                && !MatchVocabulary.EquipmentTokens.ContainsKey(token) && !MatchVocabulary.IsNumber(token))
            {
                return;
            }
        }

        tokens.Insert(bench + 1, "press");
    }

    private static void AddEquipmentHint(List<string> tokens, string? equipmentHint)
    {
        if (tokens.Count == 0)
        {
            return;
        }

        foreach (var token in tokens)
        {
            if (MatchVocabulary.EquipmentTokens.ContainsKey(token))
            {
                return;
            }
        }

        var contract = EquipmentVocabulary.Normalize(equipmentHint);
        if (contract is not null && MatchVocabulary.HintTokens.TryGetValue(contract, out var word))
        {
            tokens.Insert(0, word);
        }
    }

    private static void RemoveDuplicates(List<string> tokens)
    {
        for (var i = tokens.Count - 1; i > 0; i--)
        {
            if (tokens.IndexOf(tokens[i]) < i)
            {
                tokens.RemoveAt(i);
            }
        }
    }

    private static FrozenDictionary<string, Rule[]> BuildRules()
    {
        var grouped = new Dictionary<string, List<Rule>>(StringComparer.Ordinal);
        foreach (var (from, to) in MatchVocabulary.Rewrites)
        {
            var fromTokens = Tokenize(from).Select(Stem).ToArray();
            var rule = new Rule(fromTokens, [.. Tokenize(to)]);
            if (!grouped.TryGetValue(fromTokens[0], out var list))
            {
                list = [];
                grouped[fromTokens[0]] = list;
            }

            list.Add(rule);
        }

        // Longest phrase first, so "ez curl bar" wins over "ez".
        return grouped.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.OrderByDescending(rule => rule.From.Length).ToArray(),
            StringComparer.Ordinal);
    }

    private static FrozenSet<string> BuildKnownWords()
    {
        var words = new HashSet<string>(MatchVocabulary.CommonWords, StringComparer.Ordinal);
        foreach (var (from, to) in MatchVocabulary.Rewrites)
        {
            words.UnionWith(Tokenize(from).Select(Stem));
            words.UnionWith(Tokenize(to));
        }

        words.UnionWith(MatchVocabulary.EquipmentTokens.Keys);
        words.ExceptWith(StopwordSet);
        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    private sealed record Rule(string[] From, string[] To);
}
