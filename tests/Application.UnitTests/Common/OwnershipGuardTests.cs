using FitCoach.Application.Common.Exceptions;
using FitCoach.Application.Common.Ports;
using FitCoach.Application.Common.Security;
using NSubstitute;
using Xunit;

namespace FitCoach.Application.UnitTests.Common;

public sealed class OwnershipGuardTests
{
    private static ICurrentUser Caller(string id, bool admin = false, bool authenticated = true)
    {
        var user = Substitute.For<ICurrentUser>();
        user.IsAuthenticated.Returns(authenticated);
        user.UserId.Returns(id);
        user.IsAdmin.Returns(admin);
        return user;
    }

    [Fact]
    public void EnsureCanAccess_WhenRouteUserIsTheCaller_Allows() => Caller("u1").EnsureCanAccess("u1");

    [Fact]
    public void EnsureCanAccess_WhenRouteUserIsSomeoneElse_Forbids() =>
        Assert.Throws<ForbiddenException>(() => Caller("u1").EnsureCanAccess("u2"));

    [Fact]
    public void EnsureCanAccess_WhenCallerIsAdmin_AllowsAnyUser() => Caller("boss", admin: true).EnsureCanAccess("u2");

    [Fact]
    public void EnsureCanAccess_WhenNotAuthenticated_IsUnauthorized() =>
        Assert.Throws<UnauthorizedException>(() => Caller("u1", authenticated: false).EnsureCanAccess("u1"));

    [Theory]
    [InlineData(null, "free")]
    [InlineData("PREMIUM", "premium")]
    [InlineData("unlimited", "unlimited")]
    [InlineData("gold", "free")]
    public void TierNormalize_TreatsMissingOrUnknownAsFree(string? claim, string expected) =>
        Assert.Equal(expected, Tiers.Normalize(claim));
}
