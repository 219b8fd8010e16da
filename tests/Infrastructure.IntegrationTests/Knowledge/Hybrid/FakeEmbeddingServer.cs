using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using FitCoach.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FitCoach.Infrastructure.IntegrationTests.Knowledge.Hybrid;

/// <summary>An embeddings request as the fake server received it.</summary>
public sealed record RecordedEmbeddingRequest(
    string Path, string? Authorization, string? Model, IReadOnlyList<string> Inputs, int? Dimensions, string? EncodingFormat);

/// <summary>
/// A loopback OpenAI-compatible embeddings server for testing our client, not a model: it records every
/// <c>POST /v1/embeddings</c> (input as a string or a list) and answers with <see cref="FakeSemantics"/> vectors, deliberately
/// not unit length so the client's normalisation shows, as floats or base64 as asked; or with a status code, or late.
/// </summary>
public sealed class FakeEmbeddingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedEmbeddingRequest> _requests = new();

    private FakeEmbeddingServer(WebApplication app) => _app = app;

    /// <summary>The API base URL to configure as <c>Embeddings:Endpoint</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyCollection<RecordedEmbeddingRequest> Requests => _requests;

    /// <summary>A status to answer with instead of embeddings, e.g. 500; null answers normally.</summary>
    public int? FailWithStatus { get; set; }

    /// <summary>How long to wait before answering, to play a slow or hung server.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Answer float arrays even when base64 is asked for (OpenAI's .NET client always asks for base64), as servers that
    /// ignore <c>encoding_format</c> do.
    /// </summary>
    public bool IgnoreEncodingFormat { get; set; }

    /// <summary>The vector length answered when the request names no <c>dimensions</c>.</summary>
    public int NativeDimensions { get; set; } = FakeSemantics.Dimensions;

    public static async Task<FakeEmbeddingServer> StartAsync(CancellationToken cancellationToken)
    {
        FakeEmbeddingServer? server = null;
        var (app, address) = await LoopbackServer.StartAsync(a => a.MapPost("/v1/embeddings", (HttpContext c) => server!.HandleAsync(c)), cancellationToken);
        server = new FakeEmbeddingServer(app) { Endpoint = new Uri($"{address}/v1") };
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var root = body.RootElement;
        var input = root.GetProperty("input");
        IReadOnlyList<string> inputs = input.ValueKind == JsonValueKind.Array
            ? [.. input.EnumerateArray().Select(i => i.GetString()!)]
            : [input.GetString()!];
        int? dimensions = root.TryGetProperty("dimensions", out var d) && d.ValueKind == JsonValueKind.Number ? d.GetInt32() : null;
        var format = root.TryGetProperty("encoding_format", out var f) ? f.GetString() : null;
        var model = root.TryGetProperty("model", out var m) ? m.GetString() : null;
        _requests.Enqueue(new RecordedEmbeddingRequest(
            context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(), model, inputs, dimensions, format));

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        if (FailWithStatus is { } status)
        {
            context.Response.StatusCode = status;
            await WriteJsonAsync(context, new JsonObject { ["error"] = new JsonObject { ["message"] = "fake failure", ["type"] = "server_error" } });
            return;
        }

        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            // Three times unit length: a client that forgets to normalise gets similarities of nine, not one.
            var vector = FakeSemantics.Embed(inputs[i], dimensions ?? NativeDimensions).Select(x => x * 3f).ToArray();
            JsonNode embedding = format == "base64" && !IgnoreEncodingFormat
                ? JsonValue.Create(Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())))
                : new JsonArray([.. vector.Select(x => (JsonNode)JsonValue.Create(x))]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var tokens = inputs.Sum(i => i.Split(' ').Length);
        await WriteJsonAsync(context, new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        });
    }

    private static Task WriteJsonAsync(HttpContext context, JsonObject json)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json.ToJsonString(), context.RequestAborted);
    }
}
