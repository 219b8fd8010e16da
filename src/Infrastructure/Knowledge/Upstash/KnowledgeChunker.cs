using System.Security.Cryptography;
using System.Text.Json;
using FitCoach.Application.Common.Text;
using FitCoach.Infrastructure.Knowledge.Corpus;

namespace FitCoach.Infrastructure.Knowledge.Upstash;

/// <summary>One Upstash document: a run of a corpus document's sections that fits Upstash's per-document limit.</summary>
public sealed record KnowledgeChunk(string Id, int Index, KnowledgeChunkContent Content, KnowledgeChunkMetadata Metadata)
{
    public string DocumentId => Metadata.DocumentId;

    public string Namespace => Metadata.Namespace;

    public string ContentHash => Metadata.ContentHash;

    /// <summary>The chunk as <c>/upsert-data</c> sends it.</summary>
    public UpstashUpsertDocument ToUpsert() => new(Id, Content, Metadata);
}

/// <summary>
/// Cuts corpus documents into Upstash documents. Upstash Search holds at most 1,500 characters per document, so a
/// document's sections are packed in order into chunks of up to <see cref="TargetChars"/> characters of serialized
/// content (<c>{title, heading, text}</c>); a section too long for one chunk is split between sentences (or, for a
/// single overlong sentence, between words). Nothing is dropped or reordered: a document's chunk texts, read in
/// order, are its section texts. Chunk <c>n</c> of document <c>d</c> has id <c>d#n</c>, and each chunk carries a hash
/// of its content and metadata so the sync upserts only what changed. Deterministic: the same corpus always yields
/// the same chunks.
/// </summary>
public static class KnowledgeChunker
{
    /// <summary>How full a chunk is packed, in characters of serialized content; the slack below the limit is margin.</summary>
    public const int TargetChars = 1400;

    /// <summary>Upstash's per-document limit, which no chunk's serialized content may exceed.</summary>
    public const int MaxChars = UpstashSearchClient.MaxDocumentChars;

    /// <summary>Below this much room for text under a title and heading, a document cannot be chunked sensibly.</summary>
    private const int MinTextRoom = 200;

    private const string HeadingSeparator = " / ";
    private const string TextSeparator = "\n\n";

    public static IReadOnlyList<KnowledgeChunk> Chunk(IEnumerable<KnowledgeDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return [.. documents.SelectMany(Chunk)];
    }

    public static IReadOnlyList<KnowledgeChunk> Chunk(KnowledgeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var title = document.Title;
        var packed = Pack(title, Pieces(document));
        var chunks = new List<KnowledgeChunk>(packed.Count);
        for (var n = 0; n < packed.Count; n++)
        {
            var content = packed[n];
            var length = ContentLength(content);
            if (length > MaxChars)
            {
                throw new InvalidOperationException($"Chunk {n} of '{document.Id}' is {length} characters, over Upstash's {MaxChars}.");
            }

            var hash = Hash(new KnowledgeChunkHashInput(content, document.Id, document.Namespace, title, document.Sources));
            chunks.Add(new KnowledgeChunk(
                $"{document.Id}#{n}",
                n,
                content,
                new KnowledgeChunkMetadata(document.Id, document.Namespace, title, document.Sources, hash)));
        }

        return chunks;
    }

    /// <summary>The length of a chunk's content as it goes over the wire, which is what the 1,500-character limit is checked against.</summary>
    public static int ContentLength(KnowledgeChunkContent content) =>
        JsonSerializer.Serialize(content, UpstashJsonContext.Wire.KnowledgeChunkContent).Length;

    /// <summary>The document id a chunk id belongs to (<c>d#3</c> → <c>d</c>); an id without <c>#</c> is its own document.</summary>
    public static string DocumentIdOf(string chunkId)
    {
        ArgumentNullException.ThrowIfNull(chunkId);
        var hash = chunkId.LastIndexOf('#');
        return hash < 0 ? chunkId : chunkId[..hash];
    }

    /// <summary>Each section as one piece, or as several when it does not fit a chunk on its own.</summary>
    private static List<(string Heading, string Text)> Pieces(KnowledgeDocument document)
    {
        var pieces = new List<(string Heading, string Text)>();
        foreach (var section in document.Sections)
        {
            var heading = section.Heading.Trim();
            var text = section.Text.Trim();
            if (heading.Length == 0 && text.Length == 0)
            {
                continue;
            }

            var room = TargetChars - ContentLength(new KnowledgeChunkContent(document.Title, heading, ""));
            if (room < MinTextRoom)
            {
                throw new InvalidOperationException(
                    $"'{document.Id}': the title and the heading '{heading}' leave {room} characters for text in a {TargetChars}-character chunk.");
            }

            if (EncodedLength(text) <= room)
            {
                pieces.Add((heading, text));
                continue;
            }

            foreach (var part in Split(text, room))
            {
                pieces.Add((heading, part));
            }
        }

        return pieces;
    }

    /// <summary>Packs pieces in order, starting a new chunk when the next piece would take it past <see cref="TargetChars"/>.</summary>
    private static List<KnowledgeChunkContent> Pack(string title, List<(string Heading, string Text)> pieces)
    {
        var chunks = new List<KnowledgeChunkContent>();
        var headings = new List<string>();
        var texts = new List<string>();
        foreach (var (heading, text) in pieces)
        {
            var candidate = Build(title, headings, texts, heading, text);
            if ((headings.Count > 0 || texts.Count > 0) && ContentLength(candidate) > TargetChars)
            {
                chunks.Add(Build(title, headings, texts, "", ""));
                headings.Clear();
                texts.Clear();
            }

            if (heading.Length > 0 && (headings.Count == 0 || headings[^1] != heading))
            {
                headings.Add(heading);
            }

            if (text.Length > 0)
            {
                texts.Add(text);
            }
        }

        if (headings.Count > 0 || texts.Count > 0 || chunks.Count == 0)
        {
            chunks.Add(Build(title, headings, texts, "", ""));
        }

        return chunks;
    }

    private static KnowledgeChunkContent Build(string title, List<string> headings, List<string> texts, string nextHeading, string nextText)
    {
        IEnumerable<string> allHeadings = nextHeading.Length > 0 && (headings.Count == 0 || headings[^1] != nextHeading) ? [.. headings, nextHeading] : headings;
        IEnumerable<string> allTexts = nextText.Length > 0 ? [.. texts, nextText] : texts;
        return new KnowledgeChunkContent(title, string.Join(HeadingSeparator, allHeadings), string.Join(TextSeparator, allTexts));
    }

    /// <summary>
    /// Splits an overlong section text into parts of at most <paramref name="room"/> encoded characters, cutting only
    /// where <see cref="SentenceSplitter"/> ends a sentence (or a line), and inside a sentence only when the sentence
    /// alone is too long. The parts are slices of the original text, so only whitespace at the cuts is lost.
    /// </summary>
    private static List<string> Split(string text, int room)
    {
        var parts = new List<string>();
        var current = "";
        foreach (var sentence in SentenceSlices(text))
        {
            var joined = current.Length == 0 ? sentence : current + sentence;
            if (EncodedLength(joined.Trim()) <= room)
            {
                current = joined;
                continue;
            }

            if (current.Trim().Length > 0)
            {
                parts.Add(current.Trim());
            }

            current = sentence;
            while (EncodedLength(current.Trim()) > room)
            {
                var cut = WordCut(current.Trim(), room);
                parts.Add(current.Trim()[..cut].Trim());
                current = current.Trim()[cut..];
            }
        }

        if (current.Trim().Length > 0)
        {
            parts.Add(current.Trim());
        }

        return parts;
    }

    /// <summary>The text cut at the sentence starts <see cref="SentenceSplitter"/> finds, each slice keeping its trailing whitespace.</summary>
    private static List<string> SentenceSlices(string text)
    {
        var starts = new List<int>();
        var cursor = 0;
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            var at = text.IndexOf(sentence, cursor, StringComparison.Ordinal);
            if (at < 0)
            {
                return [text]; // cannot happen for trimmed slices of the text; fall back to word cuts
            }

            starts.Add(at);
            cursor = at + sentence.Length;
        }

        if (starts.Count == 0)
        {
            return [text];
        }

        starts[0] = 0;
        var slices = new List<string>(starts.Count);
        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1] : text.Length;
            slices.Add(text[starts[i]..end]);
        }

        return slices;
    }

    /// <summary>The longest prefix of <paramref name="text"/> within <paramref name="room"/>, ending at a space when there is one in its second half.</summary>
    private static int WordCut(string text, int room)
    {
        int low = 1, high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (EncodedLength(text[..mid]) <= room)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        if (low > 1 && char.IsHighSurrogate(text[low - 1]))
        {
            low--;
        }

        var space = text.LastIndexOf(' ', low - 1);
        return space > low / 2 ? space : low;
    }

    /// <summary>The characters <paramref name="text"/> takes inside a JSON string on the wire.</summary>
    private static int EncodedLength(string text) =>
        ContentLength(new KnowledgeChunkContent("", "", text)) - ContentLength(new KnowledgeChunkContent("", "", ""));

    private static string Hash(KnowledgeChunkHashInput input) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(input, UpstashJsonContext.Wire.KnowledgeChunkHashInput)))[..32];
}
