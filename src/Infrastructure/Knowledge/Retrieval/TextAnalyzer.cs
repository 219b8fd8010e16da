using System.Collections.Concurrent;
using System.Collections.Frozen;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace FitCoach.Infrastructure.Knowledge.Retrieval;

/// <summary>
/// Turns text into index terms: lower-cased words and numbers, English stop words dropped, each word reduced to
/// its Snowball English (Porter2) stem through Lucene.Net's stemmer, and one extra term per fitness synonym group the
/// text mentions (see <see cref="FitnessSynonyms"/>), so "DOMS" finds "muscle soreness" and "RDL" finds "Romanian
/// deadlift". Documents and queries go through the same analyzer. Thread-safe. Words that change a question's
/// meaning (before/after, more/less, no/not) are not stop words: the answer cache keys questions by these terms.
/// </summary>
public sealed class TextAnalyzer
{
    private const int MaxCachedStems = 100_000;

    private static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "about", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "being", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "each", "for", "from", "further", "get", "gets", "getting", "got", "had", "has", "have",
        "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "im", "i'm", "in", "into", "is", "it", "its",
        "it's", "just", "me", "my", "myself", "now", "of", "off", "on", "only",
        "or", "other", "our", "ours", "out", "own", "same", "she", "should", "so", "some", "such", "than", "that",
        "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to",
        "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
        "will", "with", "would", "you", "your", "yours", "yourself", "really", "much", "many", "way", "thing", "things",
        "want", "need", "know", "tell", "please", "ok", "okay", "hey", "hi", "there", "lot", "lots", "any", "anything",
        "something", "ive", "i've", "dont", "don't", "doesnt", "doesn't", "cant", "can't", "im", "youre", "best", "good",
        "better", "right", "actually", "still", "even", "well", "make", "go", "going", "use", "using",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that change nothing about what a question asks, though they change its wording.</summary>
    private static readonly FrozenSet<string> KeyFiller = new[]
    {
        "coach", "thanks", "thank", "thx", "ty", "lol", "lmao", "pls", "plz", "guys", "bro", "man", "dude", "quick",
        "question", "q", "wondering", "curious", "honestly", "basically", "kinda", "sorta", "like", "exactly", "anyone",
        "someone", "advice", "help", "say", "said", "think", "literally", "seriously", "ok", "okay", "yeah", "yes", "hello",
    }.ToFrozenSet(StringComparer.Ordinal);

    [ThreadStatic]
    private static EnglishStemmer? t_stemmer;

    private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);
    private readonly FitnessSynonyms _synonyms;

    public TextAnalyzer()
    {
        _synonyms = new FitnessSynonyms(this);
    }

    /// <summary>The index terms of <paramref name="text"/>, in order, repeats kept (term frequency counts them).</summary>
    public List<string> Terms(string text)
    {
        var words = Words(text);
        var stems = new List<string>(words.Count);
        foreach (var word in words)
        {
            stems.Add(Stem(word));
        }

        var terms = new List<string>(words.Count + 4);
        for (var i = 0; i < words.Count; i++)
        {
            if (!StopWords.Contains(words[i]) && words[i].Length > 0)
            {
                terms.Add(stems[i]);
            }
        }

        _synonyms.AddGroupTerms(stems, terms);
        return terms;
    }

    /// <summary>Raw lower-case words (letters, digits, and digit-letter tokens such as 1rm or 5k); apostrophes dropped.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        Span<char> buffer = stackalloc char[64];
        var length = 0;
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (char.IsLetterOrDigit(c))
            {
                if (length < buffer.Length)
                {
                    buffer[length++] = c;
                }
            }
            else if (c is '\'' or '’')
            {
                // "runner's" → "runners"
            }
            else if (length > 0)
            {
                words.Add(new string(buffer[..length]));
                length = 0;
            }
        }

        if (length > 0)
        {
            words.Add(new string(buffer[..length]));
        }

        return words;
    }

    public string Stem(string word)
    {
        if (word.Length <= 2 || char.IsDigit(word[0]))
        {
            return word;
        }

        if (_stems.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var stemmer = t_stemmer ??= new EnglishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        var stem = stemmer.Current;
        if (_stems.Count < MaxCachedStems)
        {
            _stems.TryAdd(word, stem);
        }

        return stem;
    }

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <summary>
    /// Terms that identify what a question asks, for the answer cache's key: each synonym phrase becomes its group
    /// term alone ("DOMS" and "delayed onset muscle soreness" both become <c>~doms</c>), other words their stems, stop
    /// words and chat filler ("thanks", "coach", "lol") dropped.
    /// </summary>
    public List<string> KeyTerms(string text)
    {
        var words = Words(text);
        var stems = words.Select(Stem).ToList();
        var terms = new List<string>(words.Count);
        for (var i = 0; i < stems.Count;)
        {
            if (_synonyms.LongestMatchAt(stems, i) is { } match)
            {
                terms.Add(match.Term);
                if (FitnessSynonyms.KeepWordsInKey.Contains(match.Term))
                {
                    for (var j = i; j < i + match.Length; j++)
                    {
                        if (!StopWords.Contains(words[j]))
                        {
                            terms.Add(stems[j]);
                        }
                    }
                }

                i += match.Length;
                continue;
            }

            if (!StopWords.Contains(words[i]) && !KeyFiller.Contains(words[i]))
            {
                terms.Add(stems[i]);
            }

            i++;
        }

        return terms;
    }

    /// <summary>The synonym-group terms a stem belongs to on its own.</summary>
    public IReadOnlyList<string> SynonymGroupsOf(string stem) => _synonyms.GroupsOf(stem);
}
