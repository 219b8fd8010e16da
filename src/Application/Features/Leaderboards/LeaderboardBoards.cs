using System.Globalization;

namespace FitCoach.Application.Features.Leaderboards;

/// <summary>Board names, periods and the storage key of a board in a period.</summary>
public static class LeaderboardBoards
{
    public const string Volume = "volume";
    public const string Workouts = "workouts";
    public const string Streak = "streak";
    public const string E1rmPrefix = "e1rm:";

    public static readonly IReadOnlyList<string> Periods = ["week", "month", "all"];

    /// <summary>The key of a board in the period that contains <paramref name="at"/> (ISO week, calendar month, or all time).</summary>
    public static string Key(string board, string period, DateTimeOffset at) => period switch
    {
        "week" => $"{board}:week:{ISOWeek.GetYear(at.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(at.UtcDateTime):00}",
        "month" => $"{board}:month:{at.UtcDateTime:yyyy-MM}",
        _ => $"{board}:all",
    };

    /// <summary>Week boards are kept ~2 months and month boards ~13, so old periods don't pile up in Redis.</summary>
    public static TimeSpan? Retention(string period) => period switch
    {
        "week" => TimeSpan.FromDays(62),
        "month" => TimeSpan.FromDays(400),
        _ => null,
    };
}
