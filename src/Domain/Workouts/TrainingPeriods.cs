using System.Globalization;

namespace FitCoach.Domain.Workouts;

/// <summary>The periods totals and boards are kept for: the ISO week, the calendar month (UTC) and all time.</summary>
public static class TrainingPeriods
{
    public const string Week = "week";
    public const string Month = "month";
    public const string All = "all";

    public static readonly IReadOnlyList<string> Names = [Week, Month, All];

    /// <summary>The key of the period of kind <paramref name="period"/> that contains <paramref name="at"/>: <c>week:2026-W49</c>, <c>month:2026-12</c>, <c>all</c>.</summary>
    public static string Key(string period, DateTimeOffset at) => period switch
    {
        Week => $"{Week}:{WeekOf(at)}",
        Month => $"{Month}:{at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture)}",
        _ => All,
    };

    /// <summary>The keys of the three periods that contain <paramref name="at"/>.</summary>
    public static string[] KeysOf(DateTimeOffset at) => [Key(Week, at), Key(Month, at), All];

    /// <summary>The ISO week, <c>2026-W49</c>.</summary>
    public static string WeekOf(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(at.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(at.UtcDateTime):00}");

    /// <summary>Days since 0001-01-01 of the UTC day of <paramref name="at"/> (what a streak counts in).</summary>
    public static int DayNumber(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime).DayNumber;
}
