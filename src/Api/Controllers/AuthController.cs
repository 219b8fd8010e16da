using FitCoach.Api.Auth;
using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FitCoach.Api.Controllers;

/// <param name="UserId">The token's subject (letters, digits, '-', '_', '.', '@'; at most 64 characters).</param>
/// <param name="Tier">free | premium | unlimited (default free).</param>
/// <param name="Admin">Adds <c>role: admin</c>, which may read every user's data.</param>
public sealed record DevTokenRequest(string? UserId, string? Tier, bool? Admin);

public sealed record DevTokenResponse(string Token, DateTimeOffset ExpiresAt);

[Route("api/auth")]
public sealed class AuthController(IOptions<AuthOptions> options, DevTokenIssuer issuer) : ApiControllerBase
{
    /// <summary>Issues a signed development token. Answers 404 unless <c>Auth:DevTokens</c> is true.</summary>
    [HttpPost("dev-token")]
    [AllowAnonymous]
    [ProducesResponseType(typeof(DevTokenResponse), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json")]
    public ActionResult<DevTokenResponse> DevToken([FromBody] DevTokenRequest request)
    {
        if (!options.Value.DevTokens)
        {
            throw new NotFoundException("Route", "/api/auth/dev-token (development tokens are disabled)");
        }

        var errors = new Dictionary<string, string[]>();
        var userId = request.UserId?.Trim();
        if (string.IsNullOrEmpty(userId) || userId.Length > 64 || !userId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@'))
        {
            errors["userId"] = ["userId is required: 1-64 letters, digits, '-', '_', '.' or '@'."];
        }

        var tier = request.Tier?.Trim().ToLowerInvariant() ?? Tiers.Free;
        if (!Tiers.All.Contains(tier))
        {
            errors["tier"] = [$"tier must be one of: {string.Join(", ", Tiers.All)}."];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var (token, expiresAt) = issuer.Issue(userId!, tier, request.Admin == true);
        return new DevTokenResponse(token, expiresAt);
    }
}
