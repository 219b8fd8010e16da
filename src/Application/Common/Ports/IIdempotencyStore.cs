namespace FitCoach.Application.Common.Ports;

/// <summary>A response kept for replay: what the first request with an <c>Idempotency-Key</c> answered.</summary>
public sealed record IdempotentResponse(int StatusCode, string? ContentType, string? Location, byte[] Body);

/// <summary>
/// What is known of a key already claimed: the fingerprint of the request that claimed it, and its response once
/// that request completed (null while it is still being processed).
/// </summary>
public sealed record IdempotencyRecord(string RequestFingerprint, IdempotentResponse? Response);

/// <summary>
/// The <c>Idempotency-Key</c> records of each user (the contract's conventions; IETF httpapi idempotency-key draft),
/// shared by every API instance. A key is claimed by the first request that uses it, for a short lock; completing it
/// keeps the response for replay; releasing it (the request failed on our side) lets a retry run the request again.
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Claims <paramref name="key"/> for a request with <paramref name="requestFingerprint"/> for at most
    /// <paramref name="lockFor"/>; null when claimed (the caller runs the request), else the existing record.
    /// </summary>
    Task<IdempotencyRecord?> TryClaimAsync(string userId, string key, string requestFingerprint, TimeSpan lockFor, CancellationToken cancellationToken);

    /// <summary>Keeps the response of the request that claimed the key, for <paramref name="keepFor"/>.</summary>
    Task CompleteAsync(string userId, string key, string requestFingerprint, IdempotentResponse response, TimeSpan keepFor, CancellationToken cancellationToken);

    /// <summary>Gives up a claim that has not completed, so the same key can be tried again.</summary>
    Task ReleaseAsync(string userId, string key, CancellationToken cancellationToken);
}
