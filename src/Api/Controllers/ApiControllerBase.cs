using FitCoach.Application.Common.Ports;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace FitCoach.Api.Controllers;

/// <summary>Thin controllers: bind, send through the MediatR pipeline, map to HTTP. Every route needs a bearer token.</summary>
[ApiController]
[Authorize]
[ProducesResponseType(typeof(ProblemDetails), StatusCodes.Status401Unauthorized, "application/problem+json")]
public abstract class ApiControllerBase : ControllerBase
{
    protected IMediator Mediator => HttpContext.RequestServices.GetRequiredService<IMediator>();

    protected ICurrentUser Caller => HttpContext.RequestServices.GetRequiredService<ICurrentUser>();
}
