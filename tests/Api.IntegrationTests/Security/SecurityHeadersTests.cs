using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Security;

public sealed class SecurityHeadersTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ApiResponses_AreNotStoredAndNotSniffed()
    {
        var client = await factory.ClientForAsync(ApiFactory.NewUserId());

        var ok = await client.GetAsync("/api/exercises?limit=1", TestContext.Current.CancellationToken);
        var unauthorized = await factory.CreateClient().GetAsync("/api/exercises?limit=1", TestContext.Current.CancellationToken);

        foreach (var response in new[] { ok, unauthorized })
        {
            Assert.True(response.Headers.CacheControl?.NoStore, $"{(int)response.StatusCode} lacks Cache-Control: no-store");
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        }
    }

    [Fact]
    public async Task SwaggerAssets_AreNotSniffedButMayBeCached()
    {
        var response = await factory.CreateClient().GetAsync("/swagger/index.html", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(true, response.Headers.CacheControl?.NoStore);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Development_SendsNoHsts()
    {
        var context = await factory.Server.SendAsync(http => Request(http, "10.0.0.5", "https"), TestContext.Current.CancellationToken);

        Assert.False(context.Response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("10.0.0.5", true)]
    [InlineData("10.1.200.7", true)]
    [InlineData("10.9.9.9", false)]
    public async Task Production_BehindAKnownProxy_TakesTheForwardedSchemeAndSendsHsts(string proxy, bool trusted)
    {
        using var production = new ProductionApiFactory(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.1.0.0/16",
        });

        var context = await production.Server.SendAsync(http => Request(http, proxy, "https"), TestContext.Current.CancellationToken);

        Assert.Equal(trusted, context.Response.Headers.ContainsKey("Strict-Transport-Security"));
        Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions.ToString());
    }

    private static void Request(HttpContext http, string remoteIp, string forwardedProto)
    {
        http.Request.Method = HttpMethods.Get;
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("api.fitcoach.example");
        http.Request.Path = "/health";
        http.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
        http.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
        http.Connection.RemoteIpAddress = IPAddress.Parse(remoteIp);
    }
}
