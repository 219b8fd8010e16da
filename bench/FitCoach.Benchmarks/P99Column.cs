using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FitCoach.Benchmarks;

/// <summary>
/// The 99th percentile of the measurements, which BenchmarkDotNet has no built-in column for. Under
/// <see cref="PerCallLatencyConfig"/> every measurement is one call, so this is the p99 of single calls.
/// </summary>
public sealed class P99Column : IColumn
{
    public static readonly IColumn Instance = new P99Column();

    public string Id => nameof(P99Column);

    public string ColumnName => "P99";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => "Percentile 99 of the measurements (one call each under the PerCall job)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null)
        {
            return "NA";
        }

        var nanoseconds = statistics.Percentiles.Percentile(99);
        return nanoseconds >= 1_000_000
            ? (nanoseconds / 1_000_000).ToString("N2", style.CultureInfo) + " ms"
            : (nanoseconds / 1_000).ToString("N2", style.CultureInfo) + " us";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
