namespace FitCoach.Api.Commands;

/// <summary>
/// What the <c>knowledge …</c> commands share: how one is recognised in the process arguments, its exit codes, and
/// running it from the console with the API's configuration sources and Ctrl+C as cancellation.
/// </summary>
public static class KnowledgeCommandLine
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;

    /// <summary>Whether the process was started as <c>knowledge <paramref name="verb"/></c> rather than the API.</summary>
    public static bool IsInvoked(string[] args, string verb) =>
        args is { Length: >= 2 } && args[0] == "knowledge" && args[1] == verb;

    /// <summary>Runs <paramref name="run"/> with the API's configuration; Ctrl+C cancels it instead of killing the process.</summary>
    public static async Task<int> RunFromConsoleAsync(Func<IConfiguration, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var configuration = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] }).Configuration;
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await run(configuration, cancellation.Token);
    }
}
