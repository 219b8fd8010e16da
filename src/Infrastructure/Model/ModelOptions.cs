namespace FitCoach.Infrastructure.Model;

/// <summary>
/// The optional OpenAI-compatible chat model (configuration section <c>Model</c>). OpenAI, Azure OpenAI's v1 API,
/// Ollama, vLLM and llama.cpp all speak the same protocol, so one client covers them; only the endpoint differs.
/// </summary>
public sealed class ModelOptions
{
    public const string SectionName = "Model";

    /// <summary>The API base URL the <c>/chat/completions</c> path is appended to, e.g. <c>http://localhost:11434/v1</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The API key, sent as a bearer token. Optional: local servers usually need none.</summary>
    public string? Key { get; set; }

    /// <summary>The model id, e.g. <c>gpt-4o-mini</c> or <c>llama3.1:8b</c>.</summary>
    public string? Id { get; set; }

    /// <summary>
    /// How long one model call may take before the caller falls back to the rules alone. Voice logging is interactive,
    /// so this is short.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a coach answer may take before the offline composer answers instead. Longer than <see cref="Timeout"/>:
    /// a written answer is a few hundred tokens, not a short JSON reply.
    /// </summary>
    public TimeSpan CoachTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Without both an endpoint and a model id there is nothing to call, so the app runs without a model.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Id);
}
