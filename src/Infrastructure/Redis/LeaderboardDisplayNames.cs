using FitCoach.Application.Common.Ports;

namespace FitCoach.Infrastructure.Redis;

/// <summary>How both leaderboards put the names they hold onto a page, so they cannot differ in it.</summary>
internal static class LeaderboardDisplayNames
{
    public static LeaderboardPage Attach(LeaderboardPage page, Func<string, string?> nameOf) =>
        new(
            [.. page.Entries.Select(e => e with { DisplayName = nameOf(e.UserId) })],
            page.Me is { } me ? me with { DisplayName = nameOf(me.UserId) } : null);
}
