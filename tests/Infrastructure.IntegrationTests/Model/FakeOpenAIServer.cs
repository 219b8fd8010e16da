using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using FitCoach.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FitCoach.Infrastructure.IntegrationTests.Model;

/// <summary>A chat-completions request as the fake server received it.</summary>
public sealed record RecordedChatRequest(string Path, string? Authorization, JsonElement Body)
{
    public string? Model => Body.GetProperty("model").GetString();

    public IReadOnlyList<(string Role, string Content)> Messages =>
        [.. Body.GetProperty("messages").EnumerateArray()
            .Select(m => (m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!))];
}

/// <summary>
/// A loopback OpenAI-compatible server for testing our client, not a stand-in for a model: it records every request to
/// <c>POST /v1/chat/completions</c> and answers with a canned assistant message, a status code, or not at all in time.
/// </summary>
public sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedChatRequest> _requests = new();

    private FakeOpenAIServer(WebApplication app) => _app = app;

    /// <summary>The API base URL to configure as <c>Model:Endpoint</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyCollection<RecordedChatRequest> Requests => _requests;

    /// <summary>The assistant message content of the next replies.</summary>
    public string ReplyContent { get; set; } = """{"exercises":[]}""";

    /// <summary>A status to answer with instead of a completion, e.g. 500.</summary>
    public int? FailWithStatus { get; set; }

    /// <summary>A whole response body to answer 200 with instead of a completion, e.g. a proxy's HTML page.</summary>
    public string? RawBody { get; set; }

    /// <summary>How long to wait before answering, to play a hung server.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public static async Task<FakeOpenAIServer> StartAsync(CancellationToken cancellationToken)
    {
        FakeOpenAIServer? server = null;
        var (app, address) = await LoopbackServer.StartAsync(a => a.MapPost("/v1/chat/completions", (HttpContext c) => server!.HandleAsync(c)), cancellationToken);
        server = new FakeOpenAIServer(app) { Endpoint = new Uri($"{address}/v1") };
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
        _requests.Enqueue(new RecordedChatRequest(
            context.Request.Path, context.Request.Headers.Authorization.FirstOrDefault(), body.RootElement.Clone()));

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        if (FailWithStatus is { } status)
        {
            context.Response.StatusCode = status;
            await WriteJsonAsync(
                context, new JsonObject { ["error"] = new JsonObject { ["message"] = "fake failure", ["type"] = "server_error" } });
            return;
        }

        if (RawBody is not null)
        {
            await context.Response.WriteAsync(RawBody, context.RequestAborted);
            return;
        }

        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-fake",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = body.RootElement.GetProperty("model").GetString(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = ReplyContent },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 },
        };
        await WriteJsonAsync(context, completion);
    }

    private static Task WriteJsonAsync(HttpContext context, JsonObject json)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json.ToJsonString(), context.RequestAborted);
    }
}
