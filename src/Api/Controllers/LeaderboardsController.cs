using FitCoach.Application.Features.Leaderboards.GetLeaderboard;
using Microsoft.AspNetCore.Mvc;

namespace FitCoach.Api.Controllers;

[Route("api/leaderboards")]
public sealed class LeaderboardsController : ApiControllerBase
{
    /// <summary>
    /// A board: <c>volume</c> (kg), <c>workouts</c>, <c>streak</c> (days, all-time) or <c>e1rm:{exerciseId}</c>
    /// (kg), for the current week, month or all time; <c>me</c> is your own rank.
    /// </summary>
    [HttpGet("{board}")]
    [ProducesResponseType(typeof(LeaderboardResponse), StatusCodes.Status200OK)]
    public async Task<LeaderboardResponse> Get(string board, [FromQuery] string? period, [FromQuery] int? limit, CancellationToken cancellationToken) =>
        await Mediator.Send(new GetLeaderboardQuery(Caller.UserId, board, period ?? "week", limit ?? 10), cancellationToken);
}
