using System.Globalization;
using System.Text;
using Xunit;

namespace FitCoach.Application.UnitTests.Exercises.Matching;

/// <summary>
/// Names people type or say, each with the catalog ids that are an acceptable answer (match-acceptance.tsv). The
/// matcher must resolve nearly all of them and must not resolve the nonsense rows at all.
/// </summary>
public sealed class ExerciseMatcherAcceptanceTests(ITestOutputHelper output)
{
    private const double RequiredPassRate = 0.9;
    private const int MinimumNames = 300;

    [Fact]
    public async Task BestMatch_OverTheAcceptanceSet_ResolvesAtLeastNinetyPercent()
    {
        var rows = (await LoadRowsAsync()).Where(row => row.Acceptable.Count > 0).ToList();
        var failures = new StringBuilder();
        var passed = 0;
        foreach (var row in rows)
        {
            var match = CatalogMatcher.Instance.BestMatch(row.Query);
            if (match is not null && row.Acceptable.Contains(match.Exercise.Id))
            {
                passed++;
                continue;
            }

            var top = CatalogMatcher.Instance.Match(row.Query, limit: 3)
                .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Exercise.Id} {m.Score:F3}"));
            failures.AppendLine(CultureInfo.InvariantCulture, $"'{row.Query}' wants {string.Join('|', row.Acceptable)}; got {string.Join(", ", top)}");
        }

        var rate = (double)passed / rows.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{passed}/{rows.Count} resolved ({rate:P1})"));
        output.WriteLine(failures.ToString());

        Assert.True(rows.Count >= MinimumNames, $"The acceptance set has only {rows.Count} names.");
        Assert.True(rate >= RequiredPassRate, $"Only {rate:P1} resolved:{Environment.NewLine}{failures}");
    }

    [Fact]
    public async Task BestMatch_OverTheAcceptanceSetNonsense_MatchesNothing()
    {
        var nonsense = (await LoadRowsAsync()).Where(row => row.Acceptable.Count == 0).ToList();

        Assert.NotEmpty(nonsense);
        Assert.All(nonsense, row => Assert.Null(CatalogMatcher.Instance.BestMatch(row.Query)));
    }

    [Fact]
    public async Task AcceptanceSet_EveryAcceptableId_IsInTheCatalog()
    {
        var rows = await LoadRowsAsync();
        var catalog = Infrastructure.Catalog.JsonExerciseCatalog.LoadEmbedded();

        var unknown = rows.SelectMany(row => row.Acceptable).Where(id => catalog.Find(id) is null).Distinct().ToList();

        Assert.Empty(unknown);
    }

    private static async Task<List<Row>> LoadRowsAsync()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Exercises", "Matching", "match-acceptance.tsv");
        var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
        var rows = new List<Row>();
        foreach (var line in lines)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            var acceptable = columns[1] == "-" ? [] : columns[1].Split('|').ToHashSet(StringComparer.Ordinal);
            rows.Add(new Row(columns[0], acceptable));
        }

        return rows;
    }

    private sealed record Row(string Query, IReadOnlySet<string> Acceptable);
}
