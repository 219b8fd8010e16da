using FitCoach.Infrastructure.Redis;
using FitCoach.Testing;
using StackExchange.Redis;

namespace FitCoach.Infrastructure.IntegrationTests.Support;

public static class RedisConnections
{
    /// <summary>A connection configured as the app configures its own (<see cref="RedisRegistration"/>).</summary>
    public static Task<ConnectionMultiplexer> ConnectAsync(RedisServerFixture server, string? clientName = null)
    {
        var options = RedisRegistration.CreateConfiguration(server.ConnectionString);
        options.ClientName = clientName ?? options.ClientName;
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>A connection for inspecting the server (KEYS, INFO, SCRIPT FLUSH, SLOWLOG …).</summary>
    public static async Task<(ConnectionMultiplexer Connection, IServer Server)> ConnectAdminAsync(RedisServerFixture server)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync($"{server.ConnectionString},allowAdmin=true,name=test-admin");
        return (connection, connection.GetServer(server.ConnectionString));
    }
}
