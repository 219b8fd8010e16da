using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FitCoach.Infrastructure.Knowledge.Upstash;
using FitCoach.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Xunit;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Upstash;

/// <summary>A request as the fake server received it: the raw request target (still percent-encoded) and the body.</summary>
public sealed record RecordedUpstashRequest(string Method, string RawTarget, string Endpoint, string? Index, string Body)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
}

/// <summary>
/// A loopback Upstash Search REST server for testing our client, not a stand-in for Upstash's ranking: indexes live in
/// memory, search scores documents by the share of query words their content contains, and every request is checked
/// against the wire format the official SDKs speak (../shared/reference/upstash.md §1): POST only, the bearer token,
/// a JSON content type, <c>/{endpoint}/{index}</c> paths, and the documented body of each endpoint (an upsert is an
/// array of at most 100 <c>{id, content, metadata}</c> with content of at most 1,500 characters; a search asks for
/// content and metadata with input enrichment off). Deviations are recorded in <see cref="Violations"/>, which each
/// test asserts empty (<see cref="AssertWireFormatKept"/>). It can be told to answer late or with an error.
/// </summary>
public sealed class FakeUpstashSearchServer : IAsyncDisposable
{
    public const string Token = "AX-fake-upstash-token-0123456789";

    private static readonly HashSet<string> SearchFields =
        ["query", "topK", "includeData", "includeMetadata", "filter", "reranking", "semanticWeight", "inputEnrichment", "_appendOriginalInputToEnrichmentResult"];

    private static readonly HashSet<string> RangeFields = ["cursor", "limit", "prefix", "includeData", "includeMetadata", "includeVectors"];

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, SortedDictionary<string, JsonObject>> _indexes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedUpstashRequest> _requests = new();
    private readonly ConcurrentQueue<string> _violations = new();

    private FakeUpstashSearchServer(WebApplication app) => _app = app;

    /// <summary>The REST URL to configure as <c>Upstash:Search:Url</c>.</summary>
    public Uri Url { get; private set; } = null!;

    public IReadOnlyCollection<RecordedUpstashRequest> Requests => _requests;

    public IReadOnlyCollection<string> Violations => _violations;

    /// <summary>How long to wait before answering, to play a slow or hung Upstash.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>When set, every request is answered with this status and <c>{"error": message, "status": status}</c>.</summary>
    public (int Status, string Message)? FailWith { get; set; }

    private int _dropNext;

    /// <summary>Drops the connection of the next <paramref name="count"/> requests without answering, to play a network failure.</summary>
    public void DropNextRequests(int count) => Volatile.Write(ref _dropNext, count);

    /// <summary>When set, every request is answered with this status and this body as is (a proxy's page, say).</summary>
    public (int Status, string Body)? FailWithRawBody { get; set; }

    public static async Task<FakeUpstashSearchServer> StartAsync(CancellationToken cancellationToken)
    {
        FakeUpstashSearchServer? server = null;
        var (app, address) = await LoopbackServer.StartAsync(a => a.Run(c => server!.HandleAsync(c)), cancellationToken);
        server = new FakeUpstashSearchServer(app) { Url = new Uri(address + "/") };
        return server;
    }

    /// <summary>Options pointing at this server with its token.</summary>
    public UpstashSearchOptions Options(TimeSpan? deadline = null) => new()
    {
        Url = Url.ToString(), // with a trailing slash, which the client must strip
        Token = Token,
        Deadline = deadline ?? TimeSpan.FromSeconds(5),
    };

    /// <summary>The documents of one index (id → <c>{id, content, metadata}</c>); empty when the index does not exist.</summary>
    public IReadOnlyDictionary<string, JsonObject> Index(string name)
    {
        lock (_gate)
        {
            return _indexes.TryGetValue(name, out var index)
                ? index.ToDictionary(kv => kv.Key, kv => (JsonObject)kv.Value.DeepClone(), StringComparer.Ordinal)
                : new Dictionary<string, JsonObject>();
        }
    }

    public IReadOnlyCollection<string> IndexNames
    {
        get
        {
            lock (_gate)
            {
                return [.. _indexes.Keys];
            }
        }
    }

    /// <summary>Puts a document straight into an index, as another writer (or an earlier sync) would have.</summary>
    public void Seed(string index, string id, object content, object? metadata = null)
    {
        var document = new JsonObject
        {
            ["id"] = id,
            ["content"] = JsonSerializer.SerializeToNode(content),
            ["metadata"] = metadata is null ? null : JsonSerializer.SerializeToNode(metadata),
        };
        lock (_gate)
        {
            Store(index)[id] = document;
        }
    }

    /// <summary>How many documents the upsert requests since the last <see cref="ClearRequests"/> carried.</summary>
    public int UpsertedDocuments => _requests.Where(r => r.Endpoint == "upsert-data").Sum(r => r.Json is JsonArray a ? a.Count : 0);

    public IReadOnlyList<string> UpsertedIds =>
        [.. _requests.Where(r => r.Endpoint == "upsert-data").SelectMany(r => r.Json as JsonArray ?? []).Select(d => (string)d!["id"]!)];

    public int Writes => _requests.Count(r => r.Endpoint is "upsert-data" or "delete");

    public void ClearRequests() => _requests.Clear();

    public void AssertWireFormatKept() =>
        Assert.True(_violations.IsEmpty, "Wire-format violations:\n" + string.Join('\n', _violations));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private SortedDictionary<string, JsonObject> Store(string index)
    {
        if (!_indexes.TryGetValue(index, out var store))
        {
            _indexes[index] = store = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        }

        return store;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var segments = (context.Request.Path.Value ?? "").Split('/')[1..];
        var endpoint = segments.Length > 0 ? segments[0] : "";
        var index = segments.Length > 1 ? segments[1] : null;
        _requests.Enqueue(new RecordedUpstashRequest(context.Request.Method, rawTarget, endpoint, index, body));

        void Violation(string what) => _violations.Enqueue($"{context.Request.Method} {rawTarget}: {what}");

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            Violation("every Upstash Search call is a POST");
            await ErrorAsync(context, 405, "Method Not Allowed");
            return;
        }

        if (context.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            Violation($"expected 'Authorization: Bearer <token>', got '{context.Request.Headers.Authorization}'");
            await ErrorAsync(context, 401, "Unauthorized: Invalid auth token");
            return;
        }

        if (!string.Equals(context.Request.ContentType?.Split(';')[0].Trim(), "application/json", StringComparison.OrdinalIgnoreCase))
        {
            Violation($"expected 'Content-Type: application/json', got '{context.Request.ContentType}'");
        }

        if (rawTarget.Contains("//", StringComparison.Ordinal))
        {
            Violation("empty path segment (a trailing slash on the base URL was not stripped)");
        }

        JsonNode? json;
        try
        {
            json = body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            Violation($"body is not JSON: {ex.Message}");
            await ErrorAsync(context, 400, "Invalid JSON body");
            return;
        }

        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up
            }
        }

        if (Interlocked.Decrement(ref _dropNext) >= 0)
        {
            context.Abort();
            return;
        }

        if (FailWithRawBody is { } raw)
        {
            context.Response.StatusCode = raw.Status;
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(raw.Body, context.RequestAborted);
            return;
        }

        if (FailWith is { } failure)
        {
            await ErrorAsync(context, failure.Status, failure.Message);
            return;
        }

        var expectsIndex = endpoint is "search" or "upsert-data" or "range" or "delete";
        if ((expectsIndex && (segments.Length != 2 || string.IsNullOrEmpty(index))) || (endpoint == "info" && segments.Length != 1))
        {
            Violation($"path shape: expected /{endpoint}{(expectsIndex ? "/{index}" : "")}");
            await ErrorAsync(context, 404, "Not Found");
            return;
        }

        JsonNode? result;
        lock (_gate)
        {
            result = endpoint switch
            {
                "search" => Search(index!, json, Violation),
                "upsert-data" => Upsert(index!, json, Violation),
                "range" => Range(index!, json, Violation),
                "delete" => Delete(index!, json, Violation),
                "info" => Info(json, Violation),
                _ => Unknown(endpoint, Violation),
            };
        }

        if (result is JsonObject error && error.ContainsKey("error"))
        {
            context.Response.StatusCode = (int)error["status"]!;
            await WriteAsync(context, error);
            return;
        }

        await WriteAsync(context, new JsonObject { ["result"] = result });
    }

    private JsonNode? Search(string index, JsonNode? body, Action<string> violation)
    {
        if (body is not JsonObject request)
        {
            violation("search body must be a JSON object");
            return Error(400, "Invalid request");
        }

        foreach (var (field, _) in request)
        {
            if (!SearchFields.Contains(field))
            {
                violation($"search body has an undocumented field '{field}'");
            }
        }

        var query = request["query"]?.GetValueKind() == JsonValueKind.String ? (string?)request["query"] : null;
        if (string.IsNullOrWhiteSpace(query))
        {
            violation("search needs a non-empty string 'query'");
        }

        var topK = request["topK"] is JsonValue k && k.TryGetValue<int>(out var parsed) ? parsed : 0;
        if (topK is < 1 or > 1000)
        {
            violation($"search 'topK' must be an integer 1..1000, got {request["topK"]?.ToJsonString() ?? "nothing"}");
        }

        if (request["includeData"]?.GetValueKind() != JsonValueKind.True || request["includeMetadata"]?.GetValueKind() != JsonValueKind.True)
        {
            violation("search must send includeData: true and includeMetadata: true to get content and metadata back");
        }

        if (request["inputEnrichment"]?.GetValueKind() != JsonValueKind.False)
        {
            violation("search must send inputEnrichment: false (we search the exact user query)");
        }

        if (!_indexes.TryGetValue(index, out var store))
        {
            return Error(404, $"Index {index} does not exist");
        }

        var queryWords = Words(query ?? "").Where(w => w.Length > 2).ToHashSet(StringComparer.Ordinal);
        if (queryWords.Count == 0)
        {
            return new JsonArray();
        }

        var hits = store.Values
            .Select(doc =>
            {
                var content = doc["content"]!;
                var words = Words($"{content["title"]} {content["heading"]} {content["text"]}").ToHashSet(StringComparer.Ordinal);
                return (doc, score: Math.Round((double)queryWords.Count(words.Contains) / queryWords.Count, 4));
            })
            .Where(h => h.score > 0)
            .OrderByDescending(h => h.score)
            .ThenBy(h => (string)h.doc["id"]!, StringComparer.Ordinal)
            .Take(Math.Max(topK, 1))
            .Select(h => (JsonNode)new JsonObject
            {
                ["id"] = (string)h.doc["id"]!,
                ["score"] = h.score,
                ["content"] = h.doc["content"]!.DeepClone(),
                ["metadata"] = h.doc["metadata"]?.DeepClone(),
            });
        return new JsonArray([.. hits]);
    }

    private JsonNode? Upsert(string index, JsonNode? body, Action<string> violation)
    {
        if (body is not JsonArray documents)
        {
            violation("upsert-data body must be a JSON array of documents");
            return Error(400, "Invalid request");
        }

        if (documents.Count is 0 or > UpstashSearchClient.MaxBatchSize)
        {
            violation($"upsert-data batches must hold 1..{UpstashSearchClient.MaxBatchSize} documents, got {documents.Count}");
        }

        var store = Store(index);
        foreach (var node in documents)
        {
            if (node is not JsonObject document)
            {
                violation("each upserted document must be a JSON object");
                continue;
            }

            foreach (var (field, _) in document)
            {
                if (field is not ("id" or "content" or "metadata"))
                {
                    violation($"upserted document has an undocumented field '{field}'");
                }
            }

            var id = document["id"]?.GetValueKind() == JsonValueKind.String ? (string?)document["id"] : null;
            if (string.IsNullOrEmpty(id))
            {
                violation("each upserted document needs a non-empty string 'id'");
                continue;
            }

            if (document["content"] is not JsonObject content)
            {
                violation($"document '{id}': 'content' must be a JSON object");
                continue;
            }

            var contentChars = content.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).Length;
            if (contentChars > UpstashSearchClient.MaxDocumentChars)
            {
                violation($"document '{id}': content is {contentChars} characters, over Upstash's {UpstashSearchClient.MaxDocumentChars}");
            }

            if (document["metadata"] is not JsonObject)
            {
                violation($"document '{id}': 'metadata' must be a JSON object (our chunks always carry one)");
            }

            store[id] = (JsonObject)document.DeepClone();
        }

        return "Success";
    }

    private JsonObject Range(string index, JsonNode? body, Action<string> violation)
    {
        if (body is not JsonObject request)
        {
            violation("range body must be a JSON object");
            return Error(400, "Invalid request");
        }

        foreach (var (field, _) in request)
        {
            if (!RangeFields.Contains(field))
            {
                violation($"range body has an undocumented field '{field}'");
            }
        }

        var cursorText = request["cursor"]?.GetValueKind() == JsonValueKind.String ? (string?)request["cursor"] : null;
        if (!int.TryParse(cursorText, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            violation($"range 'cursor' must be \"0\" or a cursor this server returned, got {request["cursor"]?.ToJsonString() ?? "nothing"}");
        }

        var limit = request["limit"] is JsonValue l && l.TryGetValue<int>(out var parsed) ? parsed : 0;
        if (limit < 1)
        {
            violation("range needs a positive integer 'limit'");
            limit = 1;
        }

        if (!_indexes.TryGetValue(index, out var store))
        {
            return Error(404, $"Namespace {index} for the index fake does not exist");
        }

        var includeData = request["includeData"]?.GetValueKind() == JsonValueKind.True;
        var includeMetadata = request["includeMetadata"]?.GetValueKind() == JsonValueKind.True;
        var page = store.Values.Skip(offset).Take(limit).Select(doc =>
        {
            var item = new JsonObject { ["id"] = (string)doc["id"]! };
            if (includeMetadata)
            {
                item["metadata"] = doc["metadata"]?.DeepClone();
            }

            if (includeData)
            {
                item["content"] = doc["content"]?.DeepClone();
            }

            return (JsonNode)item;
        });
        var next = offset + limit < store.Count ? (offset + limit).ToString(CultureInfo.InvariantCulture) : "";
        return new JsonObject { ["nextCursor"] = next, ["vectors"] = new JsonArray([.. page]) };
    }

    private JsonObject Delete(string index, JsonNode? body, Action<string> violation)
    {
        if (body is not JsonObject request || request["ids"] is not JsonArray ids || request.Count != 1)
        {
            violation("delete body must be {\"ids\": [...]}");
            return Error(400, "Invalid request");
        }

        if (ids.Count is 0 or > UpstashSearchClient.MaxBatchSize)
        {
            violation($"delete batches must hold 1..{UpstashSearchClient.MaxBatchSize} ids, got {ids.Count}");
        }

        if (!_indexes.TryGetValue(index, out var store))
        {
            return Error(404, $"Namespace {index} for the index fake does not exist");
        }

        var deleted = ids.Count(id => id?.GetValueKind() == JsonValueKind.String && store.Remove((string)id!));
        return new JsonObject { ["deleted"] = deleted };
    }

    private JsonObject Info(JsonNode? body, Action<string> violation)
    {
        if (body is not null && body is not JsonArray { Count: 0 })
        {
            violation("info takes no body (or [] as the TypeScript SDK sends)");
        }

        var namespaces = new JsonObject { [""] = new JsonObject { ["vectorCount"] = 0, ["pendingVectorCount"] = 0 } };
        foreach (var (name, store) in _indexes)
        {
            namespaces[name] = new JsonObject { ["vectorCount"] = store.Count, ["pendingVectorCount"] = 0 };
        }

        return new JsonObject
        {
            ["vectorCount"] = _indexes.Values.Sum(s => s.Count),
            ["pendingVectorCount"] = 0,
            ["indexSize"] = 0,
            ["dimension"] = 0,
            ["similarityFunction"] = "COSINE",
            ["namespaces"] = namespaces,
        };
    }

    private static JsonObject Unknown(string endpoint, Action<string> violation)
    {
        violation($"'{endpoint}' is not an endpoint this adapter should call");
        return Error(404, "Not Found");
    }

    private static JsonObject Error(int status, string message) => new() { ["error"] = message, ["status"] = status };

    private static Task ErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return WriteAsync(context, Error(status, message));
    }

    private static Task WriteAsync(HttpContext context, JsonNode json)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json.ToJsonString(), context.RequestAborted);
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
