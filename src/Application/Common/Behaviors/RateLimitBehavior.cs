using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.RateLimiting;
using MediatR;
using Microsoft.Extensions.Options;

namespace FitCoach.Application.Common.Behaviors;

/// <summary>
/// Counts <see cref="IRateLimited"/> requests against the caller's tier limit for the request's group, with one
/// limiter call per request, and records the decision for the API's RateLimit headers.
/// </summary>
public sealed class RateLimitBehavior<TRequest, TResponse>(
    IRateLimiter limiter,
    ICurrentUser currentUser,
    IOptions<RateLimitOptions> options,
    RateLimitState state,
    IAppMetrics metrics)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not IRateLimited limited)
        {
            return await next();
        }

        var tier = currentUser.Tier;
        var policy = options.Value.Resolve(limited.RateLimitGroup, tier);
        if (policy is null)
        {
            metrics.RateLimitDecision(limited.RateLimitGroup, tier, allowed: true);
            return await next();
        }

        var decision = await limiter.CheckAsync($"{currentUser.UserId}:{limited.RateLimitGroup}", policy, cancellationToken);
        state.Record(policy, decision);
        metrics.RateLimitDecision(limited.RateLimitGroup, tier, decision.Allowed);
        if (!decision.Allowed)
        {
            throw new RateLimitExceededException(limited.RateLimitGroup, tier, policy, decision);
        }

        return await next();
    }
}
