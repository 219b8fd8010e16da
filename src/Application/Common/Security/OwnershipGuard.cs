using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;

namespace FitCoach.Application.Common.Security;

/// <summary>Routes with a <c>{userId}</c> serve only that user, or an admin.</summary>
public static class OwnershipGuard
{
    public static void EnsureCanAccess(this ICurrentUser caller, string userId)
    {
        if (!caller.IsAuthenticated)
        {
            throw new UnauthorizedException("A bearer token is required.");
        }

        if (!caller.IsAdmin && !string.Equals(caller.UserId, userId, StringComparison.Ordinal))
        {
            throw new ForbiddenException($"You may only access your own data (token subject '{caller.UserId}', route user '{userId}').");
        }
    }
}
