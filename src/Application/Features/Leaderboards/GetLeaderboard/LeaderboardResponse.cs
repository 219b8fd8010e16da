using FitCoach.Application.Common.Ports;
using Mapster;

namespace FitCoach.Application.Features.Leaderboards.GetLeaderboard;

/// <summary>
/// One row of a board: <see cref="UserId"/> is the pseudonym (never the token's <c>sub</c>), <see cref="DisplayName"/>
/// the name the user chose in their profile, null (left out of the JSON) when they chose none.
/// </summary>
public sealed record LeaderboardEntryDto(int Rank, string UserId, string? DisplayName, double Score);

public sealed record LeaderboardResponse(string Board, string Period, IReadOnlyList<LeaderboardEntryDto> Entries, LeaderboardEntryDto? Me);

public sealed class LeaderboardMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.NewConfig<LeaderboardEntry, LeaderboardEntryDto>().MapToConstructor(true);
    }
}
