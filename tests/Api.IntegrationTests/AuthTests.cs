using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Xunit;

namespace FitCoach.Api.IntegrationTests;

public sealed class AuthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ApiRoute_WithoutToken_Is401ProblemJson()
    {
        var response = await factory.CreateClient().GetAsync("/api/exercises", TestContext.Current.CancellationToken);

        await response.ProblemAsync(401);
    }

    [Fact]
    public async Task ApiRoute_WithForgedToken_Is401()
    {
        var client = factory.CreateClient();
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}")).TrimEnd('=');
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"sub\":\"mallory\",\"tier\":\"unlimited\",\"iss\":\"fitcoach\",\"aud\":\"fitcoach-api\",\"exp\":4102444800}")).TrimEnd('=');
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", $"{header}.{payload}.c2lnbmF0dXJl");

        var response = await client.GetAsync("/api/exercises", TestContext.Current.CancellationToken);

        await response.ProblemAsync(401);
    }

    [Fact]
    public async Task DevToken_WhenEnabled_GivesATokenThatOpensApiRoutes()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var response = await client.GetAsync("/api/exercises?limit=1", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DevToken_ReturnsExpiryInTheFuture()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/dev-token", new { userId = "alice", tier = "premium" }, TestContext.Current.CancellationToken);

        var body = await response.JsonAsync();
        Assert.Equal(3, body.GetProperty("token").GetString()!.Split('.').Length);
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddHours(1));
    }

    [Theory]
    [InlineData("{\"userId\":\"\",\"tier\":\"free\"}", "userId")]
    [InlineData("{\"userId\":\"bob\",\"tier\":\"gold\"}", "tier")]
    [InlineData("{\"userId\":\"bob smith; drop\",\"tier\":\"free\"}", "userId")]
    public async Task DevToken_WithBadFields_Is400NamingTheField(string json, string field)
    {
        var response = await factory.CreateClient().PostAsync(
            "/api/auth/dev-token", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var problem = await response.ProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task DevToken_WhenDisabled_Is404()
    {
        using var disabled = new ConfiguredApiFactory(new Dictionary<string, string?> { ["Auth:DevTokens"] = "false" });

        var response = await disabled.CreateClient().PostAsJsonAsync("/api/auth/dev-token", new { userId = "eve", tier = "unlimited" }, TestContext.Current.CancellationToken);

        await response.ProblemAsync(404);
    }
}
