using FitCoach.Domain.Workouts;

namespace FitCoach.Application.Features.Leaderboards;

/// <summary>Board names, periods and the storage key of a board in a period.</summary>
public static class LeaderboardBoards
{
    public const string Volume = "volume";
    public const string Workouts = "workouts";
    public const string Streak = "streak";
    public const string E1rmPrefix = "e1rm:";

    public static IReadOnlyList<string> Periods => TrainingPeriods.Names;

    /// <summary>The key of a board in the period that contains <paramref name="at"/> (ISO week, calendar month, or all time).</summary>
    public static string Key(string board, string period, DateTimeOffset at) => $"{board}:{TrainingPeriods.Key(period, at)}";

    /// <summary>The key of a board in the period with key <paramref name="periodKey"/> (see <see cref="TrainingPeriods"/>).</summary>
    public static string Key(string board, string periodKey) => $"{board}:{periodKey}";

    /// <summary>Week boards are kept ~2 months and month boards ~13, so old periods don't pile up in Redis.</summary>
    public static TimeSpan? Retention(string periodKey) => periodKey.Split(':')[0] switch
    {
        TrainingPeriods.Week => TimeSpan.FromDays(62),
        TrainingPeriods.Month => TimeSpan.FromDays(400),
        _ => null,
    };
}
