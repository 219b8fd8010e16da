using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

/// <summary>The repository's own documents: links that work for whoever clones it, and an API reference that covers every route.</summary>
public sealed partial class DocumentationTests
{
    [Theory]
    [InlineData("README.md")]
    [InlineData("docs/API.md")]
    [InlineData("docs/OPERATIONS.md")]
    public void RelativeLinks_PointToFilesInsideTheRepository(string document)
    {
        var path = RepositoryFiles.PathOf(document);
        var directory = Path.GetDirectoryName(path)!;
        var root = Path.GetFullPath(RepositoryFiles.Root) + Path.DirectorySeparatorChar;

        var broken = LocalLinkTargets(File.ReadAllText(path))
            .Where(target =>
            {
                var resolved = Path.GetFullPath(Path.Combine(directory, target.Replace('/', Path.DirectorySeparatorChar)));
                return !resolved.StartsWith(root, StringComparison.Ordinal) || !(File.Exists(resolved) || Directory.Exists(resolved));
            })
            .ToList();

        Assert.True(broken.Count == 0, $"{document} links outside the repository or to missing files: {string.Join(", ", broken)}");
    }

    [Fact]
    public void Readme_PointsToTheApiReferenceAndNothingOutsideTheRepository()
    {
        var readme = File.ReadAllText(RepositoryFiles.PathOf("README.md"));

        Assert.Contains("(docs/API.md)", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("../", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiReference_NamesEveryOperationOfTheOpenApiDocument()
    {
        var reference = File.ReadAllText(RepositoryFiles.PathOf("docs/API.md"));
        var document = JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf(OpenApiDocumentTests.CheckedInPath)))!;

        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(operation => operation.Key is "get" or "post" or "put" or "delete" or "patch")
                .Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
            .ToList();
        var missing = operations.Where(operation => !reference.Contains($"`{operation}", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(operations);
        Assert.True(missing.Count == 0, $"docs/API.md does not document: {string.Join(", ", missing)}");
    }

    [Fact]
    public void OperationsGuide_ListsEveryProblemTypeTheApiAnswers()
    {
        var guide = File.ReadAllText(RepositoryFiles.PathOf("docs/OPERATIONS.md"));

        foreach (var (status, slug, title) in new[]
        {
            (400, "bad-request", "Bad Request"), (401, "unauthorized", "Unauthorized"), (403, "forbidden", "Forbidden"),
            (404, "not-found", "Not Found"), (405, "method-not-allowed", "Method Not Allowed"), (409, "conflict", "Conflict"),
            (413, "payload-too-large", "Payload Too Large"), (415, "unsupported-media-type", "Unsupported Media Type"),
            (422, "unprocessable-entity", "Unprocessable Entity"), (429, "too-many-requests", "Too Many Requests"),
            (500, "internal-server-error", "Internal Server Error"), (503, "service-unavailable", "Service Unavailable"),
        })
        {
            Assert.Contains($"| {status} | `https://fitcoach.dev/problems/{slug}` | {title} |", guide, StringComparison.Ordinal);
        }
    }

    /// <summary>Targets of markdown links that are neither absolute URLs nor in-page anchors, without their #fragment.</summary>
    private static IEnumerable<string> LocalLinkTargets(string markdown) =>
        MarkdownLink().Matches(markdown)
            .Select(match => match.Groups["target"].Value)
            .Where(target => !target.StartsWith('#') && !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(target => target.Split('#')[0]);

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
