using FitCoach.Application.Common.Ports;
using Microsoft.Extensions.Logging;

namespace FitCoach.Infrastructure.Knowledge.Upstash;

/// <summary>How the primary (hosted) search is doing, for <c>/health</c>.</summary>
/// <param name="IsDegraded">The last primary call failed and none has succeeded since: searches are answered locally.</param>
/// <param name="LastError">Why the last primary call failed.</param>
/// <param name="FailedAt">When it failed.</param>
/// <param name="RetryAt">Until when the primary is skipped; the first search after this tries it again.</param>
/// <param name="LastException">The failure itself, for the health report.</param>
public sealed record PrimarySearchState(
    bool IsDegraded, string? LastError, DateTimeOffset? FailedAt, DateTimeOffset? RetryAt, Exception? LastException)
{
    public static readonly PrimarySearchState Up = new(false, null, null, null, null);
}

/// <summary>
/// Searches the primary (Upstash) within a deadline and answers from the fallback (the in-process index over the
/// same corpus) whenever the primary is slow, unreachable or failing, so a knowledge outage costs answer quality at
/// most, never a failed or slow request. After a failure the primary is skipped for <see cref="BreakDuration"/> (a
/// circuit breaker), so a dead Upstash costs one deadline, not one per search; the first search after the break tries
/// it again and closes the circuit if it answers. A missing index (404: the namespace was never synced) is answered
/// from the fallback too, but does not open the circuit, because Upstash itself is up.
/// </summary>
public sealed class FallbackKnowledgeSearch : IKnowledgeSearch
{
    /// <summary>How long the primary is skipped after it fails.</summary>
    public static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(30);

    private readonly IKnowledgeSearch _primary;
    private readonly IKnowledgeSearch _fallback;
    private readonly TimeSpan _deadline;
    private readonly TimeProvider _time;
    private readonly ILogger<FallbackKnowledgeSearch> _logger;
    private PrimarySearchState _state = PrimarySearchState.Up;

    public FallbackKnowledgeSearch(
        IKnowledgeSearch primary, IKnowledgeSearch fallback, TimeSpan deadline, TimeProvider time, ILogger<FallbackKnowledgeSearch> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(deadline, TimeSpan.Zero);
        _primary = primary ?? throw new ArgumentNullException(nameof(primary));
        _fallback = fallback ?? throw new ArgumentNullException(nameof(fallback));
        _deadline = deadline;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary><c>upstash</c>, or <c>upstash-&gt;embedded</c> while searches are answered by the fallback.</summary>
    public string Provider => State.IsDegraded ? $"{_primary.Provider}->{_fallback.Provider}" : _primary.Provider;

    public string PrimaryProvider => _primary.Provider;

    public string FallbackProvider => _fallback.Provider;

    /// <summary>The fallback's count: both hold the same corpus, and the fallback's is known without a network call.</summary>
    public int DocumentCount => _fallback.DocumentCount;

    public PrimarySearchState State => Volatile.Read(ref _state);

    public async Task<IReadOnlyList<KnowledgePassage>> SearchAsync(
        string query, string knowledgeNamespace, int topK, CancellationToken cancellationToken)
    {
        if (State.RetryAt is { } retryAt && _time.GetUtcNow() < retryAt)
        {
            return await _fallback.SearchAsync(query, knowledgeNamespace, topK, cancellationToken);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_deadline);
        try
        {
            var passages = await _primary.SearchAsync(query, knowledgeNamespace, topK, deadline.Token);
            Recovered();
            return passages;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            Failed(knowledgeNamespace, $"no answer within {_deadline.TotalMilliseconds:0} ms", ex);
        }
        catch (UpstashSearchException ex) when (ex.StatusCode == 404)
        {
            _logger.LogWarning(
                "Knowledge index for {Namespace} is missing in {Primary} ({Error}); answering from {Fallback}. Run `knowledge sync`.",
                knowledgeNamespace, _primary.Provider, ex.Message, _fallback.Provider);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed(knowledgeNamespace, ex.Message, ex);
        }

        return await _fallback.SearchAsync(query, knowledgeNamespace, topK, cancellationToken);
    }

    private void Failed(string knowledgeNamespace, string reason, Exception exception)
    {
        var now = _time.GetUtcNow();
        Volatile.Write(ref _state, new PrimarySearchState(true, reason, now, now + BreakDuration, exception));
        _logger.LogWarning(
            exception,
            "Knowledge search in {Namespace} via {Primary} failed ({Reason}); answering from {Fallback} and skipping the primary for {BreakSeconds} s",
            knowledgeNamespace, _primary.Provider, reason, _fallback.Provider, BreakDuration.TotalSeconds);
    }

    private void Recovered()
    {
        if (!State.IsDegraded)
        {
            return;
        }

        var was = Interlocked.Exchange(ref _state, PrimarySearchState.Up);
        if (was.IsDegraded)
        {
            _logger.LogInformation("{Primary} answers again; knowledge searches use it again (it failed at {FailedAt}: {Reason})", _primary.Provider, was.FailedAt, was.LastError);
        }
    }
}
