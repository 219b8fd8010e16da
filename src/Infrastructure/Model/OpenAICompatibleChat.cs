using FitCoach.Application.Common.Exceptions;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace FitCoach.Infrastructure.Model;

/// <summary>
/// One chat call to the configured OpenAI-compatible model through Semantic Kernel, shared by the adapters that use the
/// model: our own HTTP client (so our timeout is the only one), and every failure, slow answer or unreadable reply
/// turned into a <see cref="DependencyUnavailableException"/> the caller survives.
/// </summary>
public sealed class OpenAICompatibleChat : IDisposable
{
    public const string DependencyName = "model";

    private readonly HttpClient _http;
    private readonly OpenAIChatCompletionService _chat;

    public OpenAICompatibleChat(ModelOptions settings, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.IsConfigured)
        {
            throw new InvalidOperationException($"{ModelOptions.SectionName}:Endpoint and {ModelOptions.SectionName}:Id are required.");
        }

        ModelId = settings.Id!;

        // The connector gets its own client so that our timeout is the only one: with a caller-supplied HttpClient it
        // turns off the OpenAI SDK's retries and 100 s network timeout, which would otherwise hold a request for
        // minutes. Connections are recycled so a changed DNS entry (a moved model server) is picked up.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };

        // SKEXP0010: the custom-endpoint constructor is marked experimental, yet it is the connector's way to reach
        // any OpenAI-compatible server (Ollama, vLLM, llama.cpp), which is the point of this adapter. The SDK appends
        // /chat/completions to the base URL, so a trailing slash would double it.
#pragma warning disable SKEXP0010
        _chat = new OpenAIChatCompletionService(
            ModelId,
            new Uri(settings.Endpoint!.Trim().TrimEnd('/'), UriKind.Absolute),
            apiKey: string.IsNullOrWhiteSpace(settings.Key) ? null : settings.Key,
            httpClient: _http,
            loggerFactory: loggerFactory);
#pragma warning restore SKEXP0010
    }

    public string ModelId { get; }

    /// <summary>The assistant message's text (null when the model sent none), within <paramref name="timeout"/>.</summary>
    public async Task<string?> CompleteAsync(
        ChatHistory history, OpenAIPromptExecutionSettings execution, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var message = await _chat.GetChatMessageContentAsync(history, execution, kernel: null, deadline.Token);
            return message.Content;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex)
        {
            throw new DependencyUnavailableException(
                DependencyName, $"The model {ModelId} did not answer within {timeout.TotalSeconds:0.#} s.", ex);
        }
        catch (Exception ex)
        {
            // HTTP errors (HttpOperationException), refused connections, and 200 bodies that are not OpenAI responses
            // (the SDK throws JsonException, InvalidOperationException, ... while reading them) all mean the same to
            // the caller of an optional model: no answer this time.
            throw new DependencyUnavailableException(DependencyName, $"The model {ModelId} could not be called: {ex.Message}", ex);
        }
    }

    public void Dispose() => _http.Dispose();
}
