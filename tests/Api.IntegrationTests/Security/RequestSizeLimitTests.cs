using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Security;

public sealed class RequestSizeLimitTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const int KiB = 1024;
    private const int MiB = 1024 * KiB;

    [Fact]
    public async Task JsonCommand_OverTheDefaultLimit_Is413Problem()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.PostAsync("/api/exercises/create-or-match", Json(100 * KiB), TestContext.Current.CancellationToken);

        await response.ProblemAsync(413);
    }

    [Fact]
    public async Task JsonCommand_OverTheLimitWithoutContentLength_Is413Problem()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.PostAsync("/api/exercises/create-or-match", Chunked(100 * KiB), TestContext.Current.CancellationToken);

        await response.ProblemAsync(413);
    }

    [Fact]
    public async Task JsonCommand_UnderTheLimit_IsServed()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.PostAsync("/api/exercises/create-or-match", Json(2 * KiB), TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task WorkoutPost_MayCarryUpToAMegabyte()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var underLimit = await client.PostAsync("/api/workouts", Json(512 * KiB), TestContext.Current.CancellationToken);
        var overLimit = await client.PostAsync("/api/workouts", Json(MiB + KiB), TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, underLimit.StatusCode);
        await overLimit.ProblemAsync(413);
    }

    [Fact]
    public async Task WorkoutImport_MayCarryUpToTwentyMegabytes()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var underLimit = await client.PostAsync("/api/workouts/import", Csv(2 * MiB), TestContext.Current.CancellationToken);
        var overLimit = await client.PostAsync("/api/workouts/import", Csv(20 * MiB + KiB), TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, underLimit.StatusCode);
        await overLimit.ProblemAsync(413);
    }

    [Fact]
    public async Task Limits_AreConfigurable()
    {
        using var strict = new ConfiguredApiFactory(new Dictionary<string, string?> { ["RequestLimits:DefaultMaxBodyBytes"] = "1024" });
        var client = await strict.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.PostAsync("/api/exercises/create-or-match", Json(2 * KiB), TestContext.Current.CancellationToken);

        await response.ProblemAsync(413);
    }

    /// <summary>A JSON object of about <paramref name="bytes"/> bytes (a long name), sent with a Content-Length.</summary>
    private static StringContent Json(int bytes) =>
        new($"{{\"name\":\"{new string('a', bytes)}\"}}", Encoding.UTF8, "application/json");

    private static StringContent Csv(int bytes) =>
        new($"Date,Exercise Name\n{new string('x', bytes)}\n", Encoding.UTF8, "text/csv");

    /// <summary>The same JSON streamed without a Content-Length, as a chunked upload arrives.</summary>
    private static StreamContent Chunked(int bytes)
    {
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes($"{{\"name\":\"{new string('a', bytes)}\"}}")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
