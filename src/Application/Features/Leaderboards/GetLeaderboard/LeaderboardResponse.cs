namespace FitCoach.Application.Features.Leaderboards.GetLeaderboard;

public sealed record LeaderboardEntryDto(int Rank, string UserId, double Score);

public sealed record LeaderboardResponse(string Board, string Period, IReadOnlyList<LeaderboardEntryDto> Entries, LeaderboardEntryDto? Me);
