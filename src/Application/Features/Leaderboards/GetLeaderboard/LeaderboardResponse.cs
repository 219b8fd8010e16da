using FitCoach.Application.Common.Ports;
using Mapster;

namespace FitCoach.Application.Features.Leaderboards.GetLeaderboard;

public sealed record LeaderboardEntryDto(int Rank, string UserId, double Score);

public sealed record LeaderboardResponse(string Board, string Period, IReadOnlyList<LeaderboardEntryDto> Entries, LeaderboardEntryDto? Me);

public sealed class LeaderboardMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.NewConfig<LeaderboardEntry, LeaderboardEntryDto>().MapToConstructor(true);
    }
}
