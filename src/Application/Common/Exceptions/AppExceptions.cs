using FitCoach.Application.Common.Ports;

namespace FitCoach.Application.Common.Exceptions;

/// <summary>
/// Expected failures the API maps to problem details. Handlers throw these rather than returning result objects
/// (see docs/decisions/0002-exceptions-for-expected-failures.md).
/// </summary>
public abstract class AppException(string message) : Exception(message)
{
    public abstract int StatusCode { get; }

    public abstract string Title { get; }
}

public sealed class NotFoundException(string resource, string id)
    : AppException($"{resource} '{id}' was not found.")
{
    public string Resource { get; } = resource;

    public override int StatusCode => 404;

    public override string Title => "Not found";
}

public sealed class ForbiddenException(string message) : AppException(message)
{
    public override int StatusCode => 403;

    public override string Title => "Forbidden";
}

public sealed class UnauthorizedException(string message) : AppException(message)
{
    public override int StatusCode => 401;

    public override string Title => "Unauthorized";
}

public sealed class ConflictException(string message) : AppException(message)
{
    public override int StatusCode => 409;

    public override string Title => "Conflict";
}

/// <summary>A field-level validation failure raised outside FluentValidation (e.g. by a parser).</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : AppException("One or more fields are invalid.")
{
    public RequestValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public override int StatusCode => 400;

    public override string Title => "Validation failed";
}

public sealed class RateLimitExceededException(string group, string tier, RateLimitPolicy policy, RateLimitDecision decision)
    : AppException($"Rate limit for '{group}' ({tier} tier: {policy.Limit} requests per {policy.Window.TotalSeconds:0} s) exceeded.")
{
    public string Group { get; } = group;

    public string Tier { get; } = tier;

    public RateLimitPolicy Policy { get; } = policy;

    public RateLimitDecision Decision { get; } = decision;

    public override int StatusCode => 429;

    public override string Title => "Too many requests";
}

/// <summary>A dependency the request needs (Redis for writes, a model) is unreachable.</summary>
public sealed class DependencyUnavailableException(string dependency, string message, Exception? inner = null)
    : AppException(message)
{
    public string Dependency { get; } = dependency;

    public Exception? Cause { get; } = inner;

    public override int StatusCode => 503;

    public override string Title => "Service unavailable";
}
