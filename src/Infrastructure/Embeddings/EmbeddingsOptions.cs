namespace FitCoach.Infrastructure.Embeddings;

/// <summary>
/// The optional OpenAI-compatible embedding model (configuration section <c>Embeddings</c>). OpenAI, Azure OpenAI's v1
/// API, Ollama, vLLM and llama.cpp all serve <c>POST {endpoint}/embeddings</c>; only the endpoint and model differ.
/// With it, retrieval fuses vector and BM25 rankings and the coach's answer cache matches questions by meaning.
/// </summary>
public sealed class EmbeddingsOptions
{
    public const string SectionName = "Embeddings";

    /// <summary>A batch of corpus documents is far more work for the model than one question.</summary>
    public const int BatchTimeoutFactor = 6;

    /// <summary>The API base URL the <c>/embeddings</c> path is appended to, e.g. <c>http://localhost:11434/v1</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The API key, sent as a bearer token. Optional: local servers usually need none.</summary>
    public string? Key { get; set; }

    /// <summary>The embedding model id, e.g. <c>text-embedding-3-small</c> or <c>nomic-embed-text</c>.</summary>
    public string? Id { get; set; }

    /// <summary>
    /// How long embedding one question may take before retrieval answers with BM25 alone. A batch of corpus documents
    /// (built in the background at startup) gets <see cref="BatchTimeoutFactor"/> times as long.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The vector length to ask for; only models that support shortening honour it (OpenAI's text-embedding-3 family).
    /// Unset, the model's native length is used.
    /// </summary>
    public int? Dimensions { get; set; }

    /// <summary>
    /// Vector neighbours less similar than this (cosine) to the question are not retrieval candidates, so an
    /// off-topic question does not pull in the corpus's nearest-but-unrelated documents. The right value depends on the
    /// model: about 0.2 suits OpenAI's text-embedding-3 models; models whose unrelated texts score higher need more.
    /// </summary>
    public double MinSimilarity { get; set; } = 0.2;

    /// <summary>Without both an endpoint and a model id there is nothing to call, so the app runs without embeddings.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Id);
}
