using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Profiles;
using MediatR;

namespace FitCoach.Application.Features.Profiles.GetProfile;

/// <summary><c>GET /api/users/me/profile</c>: an empty profile until the user sets one.</summary>
public sealed record GetProfileQuery(string UserId) : IQuery<UserProfile>;

public sealed class GetProfileQueryHandler(IProfileStore profiles) : IRequestHandler<GetProfileQuery, UserProfile>
{
    public async Task<UserProfile> Handle(GetProfileQuery request, CancellationToken cancellationToken) =>
        await profiles.GetAsync(request.UserId, cancellationToken) ?? new UserProfile();
}
