using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Security;

/// <summary>Runs alone: it counts series in the process-wide Prometheus registry that every other test adds to.</summary>
[CollectionDefinition(nameof(MetricsExposureTests), DisableParallelization = true)]
public sealed class MetricsExposureRunsAlone;

[Collection(nameof(MetricsExposureTests))]
public sealed partial class MetricsExposureTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly HashSet<string> StandardMethods = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    [Fact]
    public async Task MadeUpMethodsAndUnknownPaths_CannotAddSeries()
    {
        var client = factory.CreateClient();
        await DriveAsync(client, "warmup");
        var before = HttpSeries(await client.GetStringAsync("/metrics", TestContext.Current.CancellationToken));

        var tag = Guid.NewGuid().ToString("N")[..8];
        await DriveAsync(client, tag);
        var text = await client.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        var after = HttpSeries(text);

        Assert.DoesNotContain(tag, text, StringComparison.OrdinalIgnoreCase);
        Assert.True(after.Count - before.Count <= 2, $"{after.Count - before.Count} new series: {string.Join(", ", after.Except(before))}");
        var foreignMethods = after.Select(s => MethodLabel().Match(s)).Where(m => m.Success).Select(m => m.Groups[1].Value)
            .Where(method => !StandardMethods.Contains(method)).Distinct().ToList();
        Assert.Equal(["other"], foreignMethods);
        Assert.Contains(after, s => s.Contains("endpoint=\"unmatched\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithAToken_MetricsNeedThatBearerToken()
    {
        using var guarded = new ConfiguredApiFactory(new Dictionary<string, string?> { ["Metrics:Token"] = "scrape-token-0123456789" });
        var client = guarded.CreateClient();

        var anonymous = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "scrape-token-0123456788") } };
        var wrongToken = await client.SendAsync(wrong, TestContext.Current.CancellationToken);
        using var right = new HttpRequestMessage(HttpMethod.Get, "/metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "scrape-token-0123456789") } };
        var rightToken = await client.SendAsync(right, TestContext.Current.CancellationToken);

        await anonymous.ProblemAsync(401);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        await wrongToken.ProblemAsync(401);
        Assert.Equal(HttpStatusCode.OK, rightToken.StatusCode);
        Assert.Contains("http_request_duration_seconds", await rightToken.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAPort_MetricsAnswerOnlyOnThatPort()
    {
        using var managed = new ConfiguredApiFactory(new Dictionary<string, string?> { ["Metrics:Port"] = "9464" });
        var publicClient = managed.CreateClient();
        var managementClient = managed.CreateClient();
        managementClient.BaseAddress = new Uri("http://localhost:9464");

        var onPublicPort = await publicClient.GetAsync("/metrics", TestContext.Current.CancellationToken);
        var onManagementPort = await managementClient.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, onPublicPort.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onManagementPort.StatusCode);
    }

    /// <summary>Made-up methods on real and unknown routes, and unknown paths with every standard method.</summary>
    private static async Task DriveAsync(HttpClient client, string tag)
    {
        for (var i = 0; i < 40; i++)
        {
            foreach (var path in new[] { "/api/exercises", $"/{tag}-{i}/x", "/health" })
            {
                using var request = new HttpRequestMessage(new HttpMethod($"M{tag}{i}"), path);
                (await client.SendAsync(request, TestContext.Current.CancellationToken)).Dispose();
            }

            foreach (var method in StandardMethods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/{tag}-{i}/nothing-{i}");
                (await client.SendAsync(request, TestContext.Current.CancellationToken)).Dispose();
            }
        }
    }

    /// <summary>The distinct label sets of the HTTP request series (histogram buckets folded into their series).</summary>
    private static HashSet<string> HttpSeries(string text) =>
        text.Split('\n')
            .Where(line => line.StartsWith("http_request", StringComparison.Ordinal))
            .Select(line => line[..line.LastIndexOf(' ')])
            .Select(series => BucketLabel().Replace(series, "").Replace("_bucket{", "{", StringComparison.Ordinal)
                .Replace("_sum{", "{", StringComparison.Ordinal).Replace("_count{", "{", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@",?le=""[^""]*""")]
    private static partial Regex BucketLabel();

    [GeneratedRegex(@"method=""([^""]*)""")]
    private static partial Regex MethodLabel();
}
