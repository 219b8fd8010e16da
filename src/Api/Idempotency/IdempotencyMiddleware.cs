using System.Security.Claims;
using System.Security.Cryptography;
using FitCoach.Application.Common.Ports;
using Microsoft.AspNetCore.Mvc;

namespace FitCoach.Api.Idempotency;

/// <summary>
/// The contract's <c>Idempotency-Key</c> (IETF httpapi idempotency-key draft) for every POST, PUT, PATCH and DELETE
/// under <c>/api</c>: the first request with a key runs and its response (status, body, Location) is kept for
/// <see cref="KeepFor"/>; a repeat by the same caller with the same method, path, query and body gets that response
/// again, marked <c>Idempotent-Replayed: true</c>, without the work being done twice; the same key with a different
/// request is a 422; a repeat while the first is still running is a 409 with <c>Retry-After</c>. A request that
/// failed (an error the exception handler answers: validation, not found, conflict, rate limit, outage) or whose
/// status says nothing about the request itself (5xx, 401, 403, 408, 429) did no work and keeps nothing, so the key
/// stays free and a retry (or a corrected request) runs.
/// Keys live per user in <see cref="IIdempotencyStore"/> (Redis when configured), so the rule holds across instances.
/// </summary>
public sealed partial class IdempotencyMiddleware(RequestDelegate next, IIdempotencyStore store, ILogger<IdempotencyMiddleware> logger)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 64;

    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(24);

    /// <summary>How long a claim blocks repeats while its request runs; a crashed instance's claim frees itself after it.</summary>
    public static readonly TimeSpan LockFor = TimeSpan.FromSeconds(60);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Headers.TryGetValue(HeaderName, out var values) || !IsWrite(request) ||
            !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ||
            context.User.FindFirstValue("sub") is not { Length: > 0 } userId)
        {
            // Without a key (or a caller: the endpoint answers 401) the request runs as it is.
            await next(context);
            return;
        }

        var key = values.ToString();
        if (values.Count != 1 || key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await WriteProblemAsync(context, StatusCodes.Status400BadRequest,
                $"{HeaderName} must be one value of 1 to {MaxKeyLength} visible ASCII characters.", invalidKey: true);
            return;
        }

        var fingerprint = await FingerprintAsync(request, context.RequestAborted);
        var existing = await store.TryClaimAsync(userId, key, fingerprint, LockFor, context.RequestAborted);
        if (existing is not null)
        {
            await AnswerRepeatAsync(context, existing, fingerprint);
            return;
        }

        await RunAndKeepAsync(context, userId, key, fingerprint);
    }

    private async Task RunAndKeepAsync(HttpContext context, string userId, string key, string fingerprint)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var kept = false;
        try
        {
            await next(context);
            var response = context.Response;
            if (Keepable(response.StatusCode))
            {
                await store.CompleteAsync(
                    userId,
                    key,
                    fingerprint,
                    new IdempotentResponse(response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } l ? l : null, buffer.ToArray()),
                    KeepFor,
                    CancellationToken.None);
                kept = true;
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!kept)
            {
                await ReleaseQuietlyAsync(userId, key);
            }

            buffer.Position = 0;
            if (buffer.Length > 0 && !context.RequestAborted.IsCancellationRequested)
            {
                await buffer.CopyToAsync(original, CancellationToken.None);
            }
        }
    }

    private async Task AnswerRepeatAsync(HttpContext context, IdempotencyRecord existing, string fingerprint)
    {
        if (!string.Equals(existing.RequestFingerprint, fingerprint, StringComparison.Ordinal))
        {
            await WriteProblemAsync(context, StatusCodes.Status422UnprocessableEntity,
                $"This {HeaderName} was already used for a different request (method, path, query or body); use a new key for a new request.");
            return;
        }

        if (existing.Response is not { } kept)
        {
            context.Response.Headers.RetryAfter = "1";
            await WriteProblemAsync(context, StatusCodes.Status409Conflict,
                $"A request with this {HeaderName} is still being processed; retry in a moment to get its response.");
            return;
        }

        var response = context.Response;
        response.StatusCode = kept.StatusCode;
        if (kept.ContentType is { Length: > 0 })
        {
            response.ContentType = kept.ContentType;
        }

        if (kept.Location is { Length: > 0 })
        {
            response.Headers.Location = kept.Location;
        }

        response.Headers[ReplayedHeader] = "true";
        response.ContentLength = kept.Body.Length;
        await response.Body.WriteAsync(kept.Body, context.RequestAborted);
    }

    private async Task ReleaseQuietlyAsync(string userId, string key)
    {
        try
        {
            await store.ReleaseAsync(userId, key, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The claim then frees itself when its lock expires; a retry before that gets a 409 with Retry-After.
            ReleaseFailed(ex, LockFor.TotalSeconds);
        }
    }

    private static bool IsWrite(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) ||
        HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method);

    private static bool Keepable(int status) =>
        status is >= 200 and < 500 and not (401 or 403 or 408 or 409 or 425 or 429);

    /// <summary>SHA-256 over method, path, query and body: the same key may only ever stand for this request.</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{request.QueryString}\n"));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            hash.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string detail, bool invalidKey = false)
    {
        context.Response.StatusCode = status;
        var problem = invalidKey
            ? new ValidationProblemDetails(new Dictionary<string, string[]> { [HeaderName] = [detail] }) { Status = status, Detail = detail }
            : new ProblemDetails { Status = status, Detail = detail };
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release an Idempotency-Key claim; it frees itself in {Seconds} s")]
    private partial void ReleaseFailed(Exception exception, double seconds);
}
