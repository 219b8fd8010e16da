using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FitCoach.Infrastructure.Knowledge.Upstash;

// The Upstash Search REST wire format (see ../shared/reference/upstash.md §1): every call is a POST with a JSON body;
// a success answers {"result": ...}, a failure {"error": "...", "status": n}. Property names are spelled out so the
// wire shape does not depend on a naming policy.

/// <summary>The searchable part of a chunk (Upstash <c>content</c>): what hybrid search matches against.</summary>
public sealed record KnowledgeChunkContent(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("heading")] string Heading,
    [property: JsonPropertyName("text")] string Text);

/// <summary>
/// What a chunk carries besides its searchable text (Upstash <c>metadata</c>: returned, filterable, not searched).
/// <see cref="ContentHash"/> is how the sync recognizes a chunk that has not changed.
/// </summary>
public sealed record KnowledgeChunkMetadata(
    [property: JsonPropertyName("documentId")] string DocumentId,
    [property: JsonPropertyName("namespace")] string Namespace,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources,
    [property: JsonPropertyName("contentHash")] string ContentHash);

/// <summary>One element of the <c>/upsert-data/{index}</c> array.</summary>
public sealed record UpstashUpsertDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("content")] KnowledgeChunkContent Content,
    [property: JsonPropertyName("metadata")] KnowledgeChunkMetadata Metadata);

/// <summary>A <c>/search/{index}</c> hit. Everything is nullable: an index may hold documents other tools wrote.</summary>
public sealed class UpstashSearchHit
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Normalized relevance, 0..1 (1 is best).</summary>
    [JsonPropertyName("score")]
    public double Score { get; init; }

    [JsonPropertyName("content")]
    public UpstashStoredContent? Content { get; init; }

    [JsonPropertyName("metadata")]
    public UpstashStoredMetadata? Metadata { get; init; }
}

public sealed class UpstashStoredContent
{
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("heading")]
    public string? Heading { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }
}

public sealed class UpstashStoredMetadata
{
    [JsonPropertyName("documentId")]
    public string? DocumentId { get; init; }

    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("sources")]
    public IReadOnlyList<string>? Sources { get; init; }

    [JsonPropertyName("contentHash")]
    public string? ContentHash { get; init; }
}

/// <summary>A document as <c>/range/{index}</c> lists it (metadata only: the sync compares hashes, not text).</summary>
public sealed class UpstashStoredDocument
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("metadata")]
    public UpstashStoredMetadata? Metadata { get; init; }
}

/// <summary>One <c>/range/{index}</c> page; an empty <see cref="NextCursor"/> means the last page.</summary>
public sealed class UpstashRangePage
{
    [JsonPropertyName("nextCursor")]
    public string? NextCursor { get; init; }

    [JsonPropertyName("vectors")]
    public IReadOnlyList<UpstashStoredDocument>? Documents { get; init; }
}

/// <summary>The <c>/info</c> result: the database's document counts, per index.</summary>
public sealed class UpstashInfo
{
    [JsonPropertyName("vectorCount")]
    public long DocumentCount { get; init; }

    [JsonPropertyName("pendingVectorCount")]
    public long PendingDocumentCount { get; init; }

    [JsonPropertyName("namespaces")]
    public IReadOnlyDictionary<string, UpstashIndexInfo>? Indexes { get; init; }
}

public sealed class UpstashIndexInfo
{
    [JsonPropertyName("vectorCount")]
    public long DocumentCount { get; init; }

    [JsonPropertyName("pendingVectorCount")]
    public long PendingDocumentCount { get; init; }
}

internal sealed record UpstashSearchRequest(
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("topK")] int TopK,
    [property: JsonPropertyName("includeData")] bool IncludeData,
    [property: JsonPropertyName("includeMetadata")] bool IncludeMetadata,
    [property: JsonPropertyName("inputEnrichment")] bool InputEnrichment);

internal sealed record UpstashRangeRequest(
    [property: JsonPropertyName("cursor")] string Cursor,
    [property: JsonPropertyName("limit")] int Limit,
    [property: JsonPropertyName("includeData")] bool IncludeData,
    [property: JsonPropertyName("includeMetadata")] bool IncludeMetadata);

internal sealed record UpstashDeleteRequest([property: JsonPropertyName("ids")] IReadOnlyList<string> Ids);

internal sealed class UpstashDeleteResult
{
    [JsonPropertyName("deleted")]
    public int Deleted { get; init; }
}

/// <summary>Every answer: <c>{"result": ...}</c> on success, <c>{"error": "...", "status": n}</c> on failure.</summary>
internal sealed class UpstashEnvelope<T>
{
    [JsonPropertyName("result")]
    public T? Result { get; init; }

    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("status")]
    public int? Status { get; init; }
}

/// <summary>What the chunk hash covers: the content and every metadata field but the hash itself.</summary>
internal sealed record KnowledgeChunkHashInput(
    [property: JsonPropertyName("content")] KnowledgeChunkContent Content,
    [property: JsonPropertyName("documentId")] string DocumentId,
    [property: JsonPropertyName("namespace")] string Namespace,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources);

/// <summary>
/// Source-generated serialization of the wire format. <see cref="Wire"/> writes non-ASCII text as is (the request is
/// an HTTP body, never HTML), so a chunk's serialized length is close to its character count, which is what the
/// 1,500-character document limit counts.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UpstashSearchRequest))]
[JsonSerializable(typeof(UpstashRangeRequest))]
[JsonSerializable(typeof(UpstashDeleteRequest))]
[JsonSerializable(typeof(IReadOnlyList<UpstashUpsertDocument>))]
[JsonSerializable(typeof(KnowledgeChunkContent))]
[JsonSerializable(typeof(KnowledgeChunkHashInput))]
[JsonSerializable(typeof(UpstashEnvelope<List<UpstashSearchHit>>))]
[JsonSerializable(typeof(UpstashEnvelope<UpstashRangePage>))]
[JsonSerializable(typeof(UpstashEnvelope<UpstashDeleteResult>))]
[JsonSerializable(typeof(UpstashEnvelope<UpstashInfo>))]
[JsonSerializable(typeof(UpstashEnvelope<JsonElement>))]
internal sealed partial class UpstashJsonContext : JsonSerializerContext
{
    public static UpstashJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
