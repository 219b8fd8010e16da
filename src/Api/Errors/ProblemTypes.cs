using Microsoft.AspNetCore.WebUtilities;

namespace FitCoach.Api.Errors;

/// <summary>One problem type of the vocabulary: a stable URI, a title that never varies, and a detail to fall back on.</summary>
public sealed record ProblemType(int Status, string Slug, string Title, string DefaultDetail)
{
    public string Uri => ProblemTypes.BaseUri + Slug;
}

/// <summary>
/// The problem <c>type</c> vocabulary (docs/OPERATIONS.md, "Problem types"): one URI and one title per status, the
/// same whichever part of the pipeline answered (exception handler, model binding, status-code pages, auth).
/// Titles are the HTTP reason phrases, so a client can show them as they are; <c>detail</c> says what happened.
/// </summary>
public static class ProblemTypes
{
    public const string BaseUri = "https://fitcoach.dev/problems/";

    private static readonly Dictionary<int, ProblemType> Known = new ProblemType[]
    {
        new(400, "bad-request", "Bad Request", "The request is invalid."),
        new(401, "unauthorized", "Unauthorized", "A valid bearer token is required (Authorization: Bearer <JWT>)."),
        new(403, "forbidden", "Forbidden", "Your token does not allow this request."),
        new(404, "not-found", "Not Found", "Nothing was found at this address."),
        new(405, "method-not-allowed", "Method Not Allowed", "This method is not allowed here; the Allow header lists the ones that are."),
        new(406, "not-acceptable", "Not Acceptable", "The API answers application/json and application/problem+json only."),
        new(409, "conflict", "Conflict", "The request conflicts with the current state of the resource."),
        new(413, "payload-too-large", "Payload Too Large", "The request body is larger than this route accepts."),
        new(415, "unsupported-media-type", "Unsupported Media Type", "Send the body as application/json (Content-Type: application/json)."),
        new(422, "unprocessable-entity", "Unprocessable Entity", "The request is well formed but cannot be processed as sent."),
        new(429, "too-many-requests", "Too Many Requests", "Rate limit exceeded; retry after the number of seconds in Retry-After."),
        new(500, "internal-server-error", "Internal Server Error", "Something went wrong on our side. Quote the traceId when reporting it."),
        new(503, "service-unavailable", "Service Unavailable", "A dependency is unreachable; retry after the number of seconds in Retry-After."),
    }.ToDictionary(type => type.Status);

    /// <summary>Every type the API is known to answer with, in status order.</summary>
    public static IReadOnlyCollection<ProblemType> All => Known.Values;

    /// <summary>
    /// The type for <paramref name="status"/>. A status outside the table (one the server raises while reading a
    /// request, such as 408 or 431) gets a type built the same way: its reason phrase as the title and, in kebab
    /// case, as the slug.
    /// </summary>
    public static ProblemType For(int status)
    {
        if (Known.TryGetValue(status, out var known))
        {
            return known;
        }

        var phrase = ReasonPhrases.GetReasonPhrase(status);
        if (string.IsNullOrEmpty(phrase))
        {
            phrase = status >= 500 ? "Internal Server Error" : "Bad Request";
        }

        var slug = string.Join('-', phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return new ProblemType(status, slug, phrase, $"The request failed with status {status} ({phrase}).");
    }
}
