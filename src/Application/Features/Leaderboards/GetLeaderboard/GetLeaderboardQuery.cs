using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FitCoach.Domain.Workouts;
using MapsterMapper;
using MediatR;

namespace FitCoach.Application.Features.Leaderboards.GetLeaderboard;

/// <summary>
/// <c>GET /api/leaderboards/{board}?period=&amp;limit=</c>. The streak board is all-time whatever the period and shows
/// each user's run of days as of their latest ranked workout.
/// </summary>
public sealed record GetLeaderboardQuery(string UserId, string Board, string Period, int Limit) : IQuery<LeaderboardResponse>;

public sealed class GetLeaderboardQueryHandler(ILeaderboard leaderboard, LeaderboardIdentity identity, TimeProvider time, IMapper mapper)
    : IRequestHandler<GetLeaderboardQuery, LeaderboardResponse>
{
    public async Task<LeaderboardResponse> Handle(GetLeaderboardQuery request, CancellationToken cancellationToken)
    {
        var period = request.Board == LeaderboardBoards.Streak ? TrainingPeriods.All : request.Period;
        var page = await leaderboard.GetTopAsync(LeaderboardBoards.Key(request.Board, period, time.GetUtcNow()), request.Limit, identity.PseudonymOf(request.UserId), cancellationToken);
        return new LeaderboardResponse(
            request.Board,
            period,
            mapper.Map<List<LeaderboardEntryDto>>(page.Entries),
            page.Me is { } me ? mapper.Map<LeaderboardEntryDto>(me) : null);
    }
}
