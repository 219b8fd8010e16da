using FitCoach.Application.Features.Profiles.GetProfile;
using FitCoach.Application.Features.Profiles.PutProfile;
using FitCoach.Domain.Profiles;
using Microsoft.AspNetCore.Mvc;

namespace FitCoach.Api.Controllers;

[Route("api/users/me/profile")]
public sealed class ProfileController : ApiControllerBase
{
    /// <summary>Your profile (the user context the coach and voice logging use); empty until you set it.</summary>
    [HttpGet]
    [ProducesResponseType(typeof(UserProfile), StatusCodes.Status200OK)]
    public async Task<UserProfile> Get(CancellationToken cancellationToken) =>
        await Mediator.Send(new GetProfileQuery(Caller.UserId), cancellationToken);

    /// <summary>Replaces your profile. <c>unit</c> (kg or lb) is what voice logging assumes when you name none.</summary>
    [HttpPut]
    [ProducesResponseType(typeof(UserProfile), StatusCodes.Status200OK)]
    [ProducesResponseType(typeof(ValidationProblemDetails), StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<UserProfile> Put([FromBody] UserProfile profile, CancellationToken cancellationToken) =>
        await Mediator.Send(new PutProfileCommand(Caller.UserId, profile), cancellationToken);
}
