namespace FitCoach.Infrastructure.Embeddings;

/// <summary>
/// The embedding model (configuration section <c>Embeddings</c>). <see cref="Provider"/> chooses it: <c>local</c> (the
/// default) runs all-MiniLM-L6-v2 in process on ONNX Runtime, with no network and no key; <c>openai</c> calls an
/// OpenAI-compatible endpoint (OpenAI, Azure OpenAI's v1 API, Ollama, vLLM and llama.cpp all serve
/// <c>POST {endpoint}/embeddings</c>); <c>none</c> turns embeddings off (BM25 and exact questions only). With a model,
/// retrieval fuses vector and BM25 rankings and the coach's answer cache matches questions by meaning.
/// </summary>
public sealed class EmbeddingsOptions
{
    public const string SectionName = "Embeddings";

    /// <summary>A batch of corpus documents is far more work for the model than one question.</summary>
    public const int BatchTimeoutFactor = 6;

    /// <summary>
    /// The default similarity floor for a hosted (OpenAI-compatible) model: about right for OpenAI's text-embedding-3.
    /// </summary>
    public const double DefaultHostedMinSimilarity = 0.2;

    /// <summary>
    /// The default similarity floor for the local MiniLM model, whose cosines run lower than OpenAI's (unrelated texts
    /// near 0, related ones 0.5–0.8): a question's weakly related neighbours do not become candidates.
    /// </summary>
    public const double DefaultLocalMinSimilarity = 0.3;

    /// <summary>
    /// <c>local</c>, <c>openai</c> or <c>none</c>. Unset means <c>openai</c> when <see cref="Endpoint"/> and
    /// <see cref="Id"/> are both set (so configurations written before the local model keep their meaning), else
    /// <c>local</c>. Anything else fails at startup.
    /// </summary>
    public string? Provider { get; set; }

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
    /// off-topic question does not pull in the corpus's nearest-but-unrelated documents. Unset:
    /// <see cref="DefaultLocalMinSimilarity"/> for the local model, <see cref="DefaultHostedMinSimilarity"/> for a hosted one.
    /// </summary>
    public double? MinSimilarity { get; set; }

    /// <summary>
    /// A writable file where corpus vectors are kept between restarts (written atomically: a temporary file, then a
    /// rename). Unset, the vectors shipped inside the app are used and any the app had to compute (a corpus edit not yet
    /// rebuilt with <c>knowledge vectors</c>, or a hosted model) are kept in memory only.
    /// </summary>
    public string? VectorFile { get; set; }

    /// <summary>Whether an endpoint and a model id are both set, which an OpenAI-compatible model needs.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Id);

    /// <summary>The provider this configuration means (see <see cref="Provider"/>), or null when it names none we know.</summary>
    public string? ResolvedProvider => string.IsNullOrWhiteSpace(Provider)
        ? (IsConfigured ? EmbeddingProviders.OpenAI : EmbeddingProviders.Local)
        : Provider.Trim().ToLowerInvariant() switch
        {
            EmbeddingProviders.Local => EmbeddingProviders.Local,
            EmbeddingProviders.OpenAI => EmbeddingProviders.OpenAI,
            EmbeddingProviders.None => EmbeddingProviders.None,
            _ => null,
        };

    /// <summary>The similarity floor in force: the configured one, else the provider's default.</summary>
    public double EffectiveMinSimilarity => MinSimilarity
        ?? (ResolvedProvider == EmbeddingProviders.Local ? DefaultLocalMinSimilarity : DefaultHostedMinSimilarity);
}

/// <summary>The values of <c>Embeddings:Provider</c>.</summary>
public static class EmbeddingProviders
{
    public const string Local = "local";
    public const string OpenAI = "openai";
    public const string None = "none";
}
