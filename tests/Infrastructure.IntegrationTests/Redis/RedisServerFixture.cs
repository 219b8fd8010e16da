using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace FitCoach.Testing;

/// <summary>
/// A real <c>redis-server</c> child process on a free loopback port, without persistence, for one test class
/// (use it as a class fixture). <see cref="StopAsync"/> kills it, as an outage would, and <see cref="StartAsync"/>
/// starts a fresh one on the same port. When <c>redis-server</c> is not on PATH the tests that touch the server are
/// skipped, except under CI (<c>CI=true</c>), where the fixture fails so a missing install cannot pass silently.
/// Self-contained (xunit.v3 and the BCL only) so other test projects can link this file.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private const string ServerName = "redis-server";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<string> _output = new();
    private string? _serverPath;
    private Process? _process;
    private int _port;

    /// <summary>The loopback port; it stays the same across <see cref="StopAsync"/> and <see cref="StartAsync"/>.</summary>
    public int Port
    {
        get
        {
            EnsureInstalled();
            return _port;
        }
    }

    /// <summary>A StackExchange.Redis connection string for the server (<c>127.0.0.1:port</c>).</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public async ValueTask InitializeAsync()
    {
        _serverPath = FindOnPath(ServerName);
        if (_serverPath is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"{ServerName} is not on PATH, and under CI the Redis integration tests must run: install it "
                    + "(e.g. apt-get install redis-server) before running the tests.");
            }

            return;
        }

        // Another process may take the free port between probing and binding; a few fresh ports settle that.
        for (var attempt = 1; ; attempt++)
        {
            _port = FreeLoopbackPort();
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await StopAsync();
            }
        }
    }

    /// <summary>Skips the calling test when <c>redis-server</c> is not installed.</summary>
    public void EnsureInstalled()
    {
        if (_serverPath is null)
        {
            Assert.Skip("redis-server not installed");
        }
    }

    /// <summary>Starts the server on <see cref="Port"/> and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        EnsureInstalled();
        if (_process is { HasExited: false })
        {
            return;
        }

        var info = new ProcessStartInfo(_serverPath!)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        [
            "--port", _port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        _output.Clear();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                if (await SendAsync("PING") == "+PONG")
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            await Task.Delay(20);
        }

        throw new InvalidOperationException(
            $"{ServerName} did not answer PING on port {Port} within {StartTimeout.TotalSeconds}s. Its output:"
            + Environment.NewLine + string.Join(Environment.NewLine, _output));
    }

    /// <summary>Kills the server, as an outage would; its data is gone (no persistence).</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>Deletes every key (FLUSHALL).</summary>
    public async Task FlushAsync()
    {
        EnsureInstalled();
        var reply = await SendAsync("FLUSHALL");
        if (reply != "+OK")
        {
            throw new InvalidOperationException($"FLUSHALL answered {reply}.");
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 50)
        {
            _output.TryDequeue(out _);
        }
    }

    /// <summary>Sends one inline command on a fresh connection and returns the first line of the reply.</summary>
    private async Task<string> SendAsync(string command)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), timeout.Token);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync(timeout.Token) ?? string.Empty;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
