using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FitCoach.Infrastructure.Knowledge.Upstash;

/// <summary>
/// A failed Upstash Search call: the operation, and Upstash's own <c>error</c> text and HTTP status when it answered.
/// </summary>
public sealed class UpstashSearchException(string message, int? statusCode = null, string? upstashError = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The HTTP status Upstash answered with; null when it did not answer (unreachable, timed out).</summary>
    public int? StatusCode { get; } = statusCode;

    /// <summary>The <c>error</c> field of Upstash's error body, when there was one.</summary>
    public string? UpstashError { get; } = upstashError;
}

/// <summary>
/// The Upstash Search REST API, as the official SDKs speak it (../shared/reference/upstash.md §1): every call a
/// <c>POST {url}/{endpoint}/{index}</c> with a JSON body and <c>Authorization: Bearer {token}</c>; success bodies are
/// <c>{"result": ...}</c>, errors <c>{"error": "...", "status": n}</c>, which become an
/// <see cref="UpstashSearchException"/> carrying Upstash's message. Search is tried once (its caller has a deadline
/// and a local fallback); the sync's calls (info, range, upsert, delete, all idempotent) are retried on network
/// errors like the SDKs do, with a short exponential backoff, but never on an HTTP error answer.
/// </summary>
public sealed class UpstashSearchClient : IDisposable
{
    /// <summary>Upstash's recommended bulk size; also what the upsert and delete calls accept at most.</summary>
    public const int MaxBatchSize = 100;

    /// <summary>The most characters one Upstash Search document may hold.</summary>
    public const int MaxDocumentChars = 1500;

    /// <summary>Bounds every call that has no deadline of its own (the sync's); searches are cut much earlier by their caller.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Attempts for the sync's calls when the network fails (the TypeScript SDK makes 6, the Python SDK 4).</summary>
    private const int SyncAttempts = 4;

    private const int RangePageSize = 500;
    private const int MaxQuotedBodyChars = 300;
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly string _baseUrl;
    private readonly string _token;

    /// <summary>A client with its own connection pool, recycled every few minutes so a moved endpoint's DNS change is picked up.</summary>
    public UpstashSearchClient(UpstashSearchOptions options)
        : this(CreateHttpClient(), options, ownsHttp: true)
    {
    }

    /// <summary>A client over a caller-owned <see cref="HttpClient"/>.</summary>
    public UpstashSearchClient(HttpClient http, UpstashSearchOptions options)
        : this(http, options, ownsHttp: false)
    {
    }

    private UpstashSearchClient(HttpClient http, UpstashSearchOptions options, bool ownsHttp)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _ownsHttp = ownsHttp;
        if (!options.IsConfigured)
        {
            Dispose();
            throw new InvalidOperationException($"{UpstashSearchOptions.SectionName}:Url and {UpstashSearchOptions.SectionName}:Token are required.");
        }

        _baseUrl = options.Url!.Trim().TrimEnd('/');
        _token = options.Token!.Trim();
    }

    /// <summary>The REST URL calls go to, without a trailing slash.</summary>
    public string BaseUrl => _baseUrl;

    /// <summary>
    /// <c>POST /search/{index}</c>: the best <paramref name="topK"/> documents for <paramref name="query"/>, with their
    /// content and metadata. Input enrichment is off: it rewrites the query with an LLM before searching, which adds
    /// latency to every retrieval and replaces the lifter's exact words (exercise names, abbreviations such as RDL or
    /// e1RM) that the hybrid search's full-text half matches best.
    /// </summary>
    public async Task<IReadOnlyList<UpstashSearchHit>> SearchAsync(string index, string query, int topK, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topK);
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new UpstashSearchRequest(query, topK, IncludeData: true, IncludeMetadata: true, InputEnrichment: false),
            UpstashJsonContext.Wire.UpstashSearchRequest);
        var hits = await SendAsync("search", index, body, UpstashJsonContext.Wire.UpstashEnvelopeListUpstashSearchHit, attempts: 1, cancellationToken);
        return hits ?? throw NoResult("search", index);
    }

    /// <summary><c>POST /upsert-data/{index}</c> with up to <see cref="MaxBatchSize"/> documents; creates the index if needed.</summary>
    public async Task UpsertAsync(string index, IReadOnlyList<UpstashUpsertDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            return;
        }

        if (documents.Count > MaxBatchSize)
        {
            throw new ArgumentException($"Upsert at most {MaxBatchSize} documents per call; got {documents.Count}.", nameof(documents));
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(documents, UpstashJsonContext.Wire.IReadOnlyListUpstashUpsertDocument);
        var result = await SendAsync("upsert-data", index, body, UpstashJsonContext.Wire.UpstashEnvelopeJsonElement, SyncAttempts, cancellationToken);
        if (result.ValueKind == JsonValueKind.Undefined)
        {
            throw NoResult("upsert-data", index);
        }
    }

    /// <summary><c>POST /range/{index}</c>: one page of the index's documents (ids and metadata, no content).</summary>
    public async Task<UpstashRangePage> RangeAsync(string index, string cursor, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new UpstashRangeRequest(cursor, limit, IncludeData: false, IncludeMetadata: true), UpstashJsonContext.Wire.UpstashRangeRequest);
        return await SendAsync("range", index, body, UpstashJsonContext.Wire.UpstashEnvelopeUpstashRangePage, SyncAttempts, cancellationToken)
            ?? throw NoResult("range", index);
    }

    /// <summary>Every document of an index, following <c>/range</c> cursors from <c>"0"</c> until the cursor comes back empty.</summary>
    public async Task<IReadOnlyList<UpstashStoredDocument>> ListAllAsync(string index, CancellationToken cancellationToken)
    {
        var documents = new List<UpstashStoredDocument>();
        var cursor = "0";
        while (true)
        {
            var page = await RangeAsync(index, cursor, RangePageSize, cancellationToken);
            documents.AddRange(page.Documents ?? []);
            if (string.IsNullOrEmpty(page.NextCursor))
            {
                return documents;
            }

            if (page.NextCursor == cursor)
            {
                throw new UpstashSearchException($"Upstash Search range on index '{index}' returned the same cursor '{cursor}' again.");
            }

            cursor = page.NextCursor;
        }
    }

    /// <summary><c>POST /delete/{index}</c> with up to <see cref="MaxBatchSize"/> ids; returns how many were deleted.</summary>
    public async Task<int> DeleteAsync(string index, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return 0;
        }

        if (ids.Count > MaxBatchSize)
        {
            throw new ArgumentException($"Delete at most {MaxBatchSize} ids per call; got {ids.Count}.", nameof(ids));
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(new UpstashDeleteRequest(ids), UpstashJsonContext.Wire.UpstashDeleteRequest);
        var result = await SendAsync("delete", index, body, UpstashJsonContext.Wire.UpstashEnvelopeUpstashDeleteResult, SyncAttempts, cancellationToken);
        return result?.Deleted ?? throw NoResult("delete", index);
    }

    /// <summary><c>POST /info</c>: document counts for the database and each index. The body is <c>[]</c>, as the TypeScript SDK sends.</summary>
    public async Task<UpstashInfo> InfoAsync(CancellationToken cancellationToken) =>
        await SendAsync("info", index: null, "[]"u8.ToArray(), UpstashJsonContext.Wire.UpstashEnvelopeUpstashInfo, SyncAttempts, cancellationToken)
        ?? throw NoResult("info", index: null);

    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, disposeHandler: true) { Timeout = RequestTimeout };

    private async Task<T?> SendAsync<T>(
        string endpoint, string? index, byte[] body, JsonTypeInfo<UpstashEnvelope<T>> typeInfo, int attempts, CancellationToken cancellationToken)
    {
        var path = index is null ? endpoint : $"{endpoint}/{Uri.EscapeDataString(index)}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (status, text) = await PostAsync(path, body, cancellationToken);
                return Read(endpoint, index, status, text, typeInfo);
            }
            catch (HttpRequestException) when (attempt < attempts)
            {
                // A network failure (reset, refused, DNS): retried after a backoff like the SDKs' exp(i) * 50 ms.
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Exp(attempt) * 50), cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                var cause = ex.InnerException?.GetBaseException().Message is { } inner && !ex.Message.Contains(inner, StringComparison.Ordinal)
                    ? $" ({inner})"
                    : "";
                throw new UpstashSearchException($"{Describe(endpoint, index)} could not reach {_baseUrl}: {ex.Message}{cause}", innerException: ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new UpstashSearchException(
                    $"{Describe(endpoint, index)} got no answer from {_baseUrl} within {_http.Timeout.TotalSeconds:0} s.", innerException: ex);
            }
        }
    }

    private async Task<(int Status, string Text)> PostAsync(string path, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_baseUrl}/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = JsonMediaType;
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static T? Read<T>(string endpoint, string? index, int status, string text, JsonTypeInfo<UpstashEnvelope<T>> typeInfo)
    {
        UpstashEnvelope<T>? envelope;
        try
        {
            envelope = text.Length == 0 ? null : JsonSerializer.Deserialize(text, typeInfo);
        }
        catch (JsonException)
        {
            envelope = null;
        }

        if (status is < 200 or > 299 || envelope?.Error is not null)
        {
            var error = envelope?.Error;
            var shownStatus = status is >= 200 and <= 299 && envelope?.Status is { } bodyStatus ? bodyStatus : status;
            throw new UpstashSearchException(
                $"{Describe(endpoint, index)} failed with HTTP {shownStatus}: {error ?? Quote(text)}", shownStatus, error);
        }

        if (envelope is null)
        {
            throw new UpstashSearchException($"{Describe(endpoint, index)} answered HTTP {status} with a body that is not Upstash JSON: {Quote(text)}", status);
        }

        return envelope.Result;
    }

    private static string Describe(string endpoint, string? index) =>
        index is null ? $"Upstash Search {endpoint}" : $"Upstash Search {endpoint} on index '{index}'";

    private static UpstashSearchException NoResult(string endpoint, string? index) =>
        new($"{Describe(endpoint, index)} answered without a result.");

    private static string Quote(string body)
    {
        var trimmed = body.Trim();
        return trimmed.Length == 0 ? "(empty body)"
            : trimmed.Length <= MaxQuotedBodyChars ? trimmed
            : string.Concat(trimmed.AsSpan(0, MaxQuotedBodyChars), "…");
    }
}
