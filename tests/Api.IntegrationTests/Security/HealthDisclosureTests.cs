using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Xunit;

namespace FitCoach.Api.IntegrationTests.Security;

public sealed class HealthDisclosureTests
{
    [Fact]
    public async Task Production_WithRedisUnreachable_ReportsDegradedWithoutExceptionText()
    {
        var port = ClosedPort();
        using var factory = new ProductionApiFactory(new Dictionary<string, string?>
        {
            ["Redis:ConnectionString"] = $"127.0.0.1:{port}",
        });

        var response = await factory.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var health = JsonDocument.Parse(body);
        Assert.Equal("Degraded", health.RootElement.GetProperty("status").GetString());
        var redis = health.RootElement.GetProperty("checks").GetProperty("redis");
        Assert.Equal("Degraded", redis.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(redis.GetProperty("description").GetString()));
        Assert.True(health.RootElement.GetProperty("checks").TryGetProperty("knowledge", out _));
        Assert.True(health.RootElement.GetProperty("checks").TryGetProperty("model", out _));
        foreach (var check in health.RootElement.GetProperty("checks").EnumerateObject())
        {
            Assert.True(
                !check.Value.TryGetProperty("error", out var error) || error.ValueKind == JsonValueKind.Null,
                $"{check.Name} shows an exception: {error}");
        }

        Assert.DoesNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture), body, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("UnableToConnect", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("No connection", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Development_WithRedisUnreachable_StillShowsTheErrorForDebugging()
    {
        using var factory = ApiFactory.WithRedis($"127.0.0.1:{ClosedPort()}");

        var response = await factory.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken);

        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var redis = health.RootElement.GetProperty("checks").GetProperty("redis");
        Assert.False(string.IsNullOrWhiteSpace(redis.GetProperty("error").GetString()));
    }

    /// <summary>A loopback port nothing listens on: bound by the OS, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
