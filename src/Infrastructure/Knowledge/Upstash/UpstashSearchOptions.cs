using Microsoft.Extensions.Options;

namespace FitCoach.Infrastructure.Knowledge.Upstash;

/// <summary>
/// Upstash Search, the hosted knowledge index (configuration section <c>Upstash:Search</c>). Optional: without both
/// <see cref="Url"/> and <see cref="Token"/> the app searches its embedded index only.
/// </summary>
public sealed class UpstashSearchOptions
{
    public const string SectionName = "Upstash:Search";

    /// <summary>The database's REST URL (<c>UPSTASH_SEARCH_REST_URL</c>), e.g. <c>https://xyz-eu1-search.upstash.io</c>.</summary>
    public string? Url { get; set; }

    /// <summary>The REST token (<c>UPSTASH_SEARCH_REST_TOKEN</c>), sent as a bearer token.</summary>
    public string? Token { get; set; }

    /// <summary>
    /// How long one namespace search may take before the embedded index answers that search instead. Retrieval sits
    /// in front of every RAG-aware request, so this is short.
    /// </summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Prepended to a namespace to name its index (<c>fitcoach-</c> + <c>recovery</c>), so several apps can share a database.</summary>
    public string IndexPrefix { get; set; } = "fitcoach-";

    /// <summary>Without both a URL and a token there is nothing to call.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url) && !string.IsNullOrWhiteSpace(Token);

    /// <summary>The Upstash index that holds one corpus namespace.</summary>
    public string IndexName(string knowledgeNamespace) => (IndexPrefix ?? "") + knowledgeNamespace;

    /// <summary>What is wrong with a configured section; empty when it is usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Uri.TryCreate(Url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return $"{SectionName}:Url must be an absolute http or https URL, e.g. https://xyz-eu1-search.upstash.io.";
        }

        if (string.IsNullOrWhiteSpace(Token))
        {
            yield return $"{SectionName}:Token is required.";
        }
        else if (Token.Trim().Any(char.IsWhiteSpace))
        {
            yield return $"{SectionName}:Token contains whitespace; paste the token exactly as the Upstash console shows it.";
        }

        if (Deadline <= TimeSpan.Zero)
        {
            yield return $"{SectionName}:Deadline must be positive.";
        }
    }
}

/// <summary>Reports every problem of a configured <c>Upstash:Search</c> section at startup.</summary>
internal sealed class UpstashSearchOptionsValidator : IValidateOptions<UpstashSearchOptions>
{
    public ValidateOptionsResult Validate(string? name, UpstashSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
