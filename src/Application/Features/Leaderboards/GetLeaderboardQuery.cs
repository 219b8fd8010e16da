using FitCoach.Application.Common.Messaging;
using FitCoach.Application.Common.Ports;
using FluentValidation;
using MediatR;

namespace FitCoach.Application.Features.Leaderboards;

/// <summary><c>GET /api/leaderboards/{board}?period=&amp;limit=</c>. The streak board is all-time whatever the period.</summary>
public sealed record GetLeaderboardQuery(string UserId, string Board, string Period, int Limit) : IQuery<LeaderboardResponse>;

public sealed record LeaderboardEntryDto(int Rank, string UserId, double Score);

public sealed record LeaderboardResponse(string Board, string Period, IReadOnlyList<LeaderboardEntryDto> Entries, LeaderboardEntryDto? Me);

public sealed class GetLeaderboardQueryValidator : AbstractValidator<GetLeaderboardQuery>
{
    public GetLeaderboardQueryValidator(IExerciseCatalog catalog)
    {
        RuleFor(q => q.Board)
            .Must(b => b is LeaderboardBoards.Volume or LeaderboardBoards.Workouts or LeaderboardBoards.Streak ||
                       (b.StartsWith(LeaderboardBoards.E1rmPrefix, StringComparison.Ordinal) && catalog.Find(b[LeaderboardBoards.E1rmPrefix.Length..]) is not null))
            .WithMessage("Board must be volume, workouts, streak or e1rm:{exerciseId} with a catalog exercise id.");
        RuleFor(q => q.Period).Must(p => LeaderboardBoards.Periods.Contains(p)).WithMessage("Period must be week, month or all.");
        RuleFor(q => q.Limit).InclusiveBetween(1, 100);
    }
}

public sealed class GetLeaderboardQueryHandler(ILeaderboard leaderboard, IClock clock)
    : IRequestHandler<GetLeaderboardQuery, LeaderboardResponse>
{
    public async Task<LeaderboardResponse> Handle(GetLeaderboardQuery request, CancellationToken cancellationToken)
    {
        var period = request.Board == LeaderboardBoards.Streak ? "all" : request.Period;
        var page = await leaderboard.GetTopAsync(LeaderboardBoards.Key(request.Board, period, clock.UtcNow), request.Limit, request.UserId, cancellationToken);
        return new LeaderboardResponse(
            request.Board,
            period,
            [.. page.Entries.Select(e => new LeaderboardEntryDto(e.Rank, e.UserId, e.Score))],
            page.Me is { } me ? new LeaderboardEntryDto(me.Rank, me.UserId, me.Score) : null);
    }
}
