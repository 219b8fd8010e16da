using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

/// <summary>
/// docs/openapi.json is the OpenAPI document the app serves at /swagger/v1/swagger.json, checked in so the API's
/// shape can be read and reviewed without running it. With UPDATE_OPENAPI=1 the test rewrites the file instead.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    public const string CheckedInPath = "docs/openapi.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [Fact]
    public async Task CheckedInDocument_IsWhatTheAppServes()
    {
        var served = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken))!;
        var path = RepositoryFiles.PathOf(CheckedInPath);

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served.ToJsonString(Indented) + "\n", TestContext.Current.CancellationToken);
            return;
        }

        Assert.True(File.Exists(path), $"{CheckedInPath} is missing. Run the tests with UPDATE_OPENAPI=1 to write it.");
        var checkedIn = JsonNode.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken))!;
        var expected = Normalize(checkedIn).ToJsonString(Indented).Split('\n');
        var actual = Normalize(served).ToJsonString(Indented).Split('\n');
        var firstDifference = Enumerable.Range(0, Math.Max(expected.Length, actual.Length))
            .FirstOrDefault(i => i >= expected.Length || i >= actual.Length || expected[i] != actual[i], -1);

        if (firstDifference >= 0)
        {
            Assert.Fail(
                $"{CheckedInPath} differs from /swagger/v1/swagger.json (normalised line {firstDifference + 1}: checked in "
                + $"'{Line(expected, firstDifference)}', served '{Line(actual, firstDifference)}'). If the API change is intended, "
                + $"run `UPDATE_OPENAPI=1 dotnet test tests/Api.IntegrationTests` to rewrite {CheckedInPath} and commit it.");
        }
    }

    [Fact]
    public void Normalize_IgnoresPropertyOrder_ButNotArrayOrderOrValues()
    {
        var a = JsonNode.Parse("""{"b": 1, "a": {"y": [1, 2], "x": "s"}}""")!;
        var reordered = JsonNode.Parse("""{"a": {"x": "s", "y": [1, 2]}, "b": 1}""")!;
        var changed = JsonNode.Parse("""{"a": {"x": "s", "y": [2, 1]}, "b": 1}""")!;

        Assert.Equal(Normalize(a).ToJsonString(), Normalize(reordered).ToJsonString());
        Assert.NotEqual(Normalize(a).ToJsonString(), Normalize(changed).ToJsonString());
    }

    /// <summary>Objects with their properties sorted by name (ordinal), recursively; arrays and values as they are.</summary>
    internal static JsonNode Normalize(JsonNode node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Normalize(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(item => item is null ? null : Normalize(item))]),
        _ => node.DeepClone(),
    };

    private static string Line(string[] lines, int index) => index < lines.Length ? lines[index].Trim() : "(end of document)";
}
