using FitCoach.Application.Common.Ports;
using FluentValidation;

namespace FitCoach.Application.Features.Leaderboards.GetLeaderboard;

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
