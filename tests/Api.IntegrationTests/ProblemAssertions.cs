using System.Text.Json;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

/// <summary>What a client sees of a problem: the status, problem+json, the vocabulary's type and title, the fields named.</summary>
internal static class ProblemAssertions
{
    public static async Task<JsonElement> ProblemOfTypeAsync(this HttpResponseMessage response, int status, string slug, string title)
    {
        var problem = await response.ProblemAsync(status);
        Assert.Equal($"https://fitcoach.dev/problems/{slug}", problem.GetProperty("type").GetString());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        return problem;
    }

    public static Task<JsonElement> BadRequestAsync(this HttpResponseMessage response) =>
        response.ProblemOfTypeAsync(400, "bad-request", "Bad Request");

    /// <summary>The <c>errors</c> member names exactly <paramref name="fields"/>, each with at least one message.</summary>
    public static void AssertErrorsName(this JsonElement problem, params string[] fields)
    {
        Assert.True(problem.TryGetProperty("errors", out var errors), problem.ToString());
        Assert.Equal(fields.Order(StringComparer.Ordinal), errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(errors.EnumerateObject(), e => Assert.NotEqual(0, e.Value.GetArrayLength()));
    }
}
