using FitCoach.Infrastructure.Catalog;
using FitCoach.Infrastructure.Knowledge.Corpus;
using FitCoach.Infrastructure.Knowledge.Upstash;

namespace FitCoach.Api.Commands;

/// <summary>
/// <c>dotnet run --project src/Api -- knowledge sync [--dry-run] [--prune]</c>: pushes the knowledge corpus (the same
/// one the embedded index is built from) to Upstash Search, writing only what changed. Configuration comes from the
/// same sources as the API's (appsettings, <c>Upstash__Search__Url</c> / <c>Upstash__Search__Token</c> environment
/// variables). Exit codes: 0 done, 1 Upstash failed, 2 not configured or bad arguments, 130 cancelled.
/// </summary>
public static class KnowledgeSyncCommand
{
    public const int Success = KnowledgeCommandLine.Success;
    public const int Failed = KnowledgeCommandLine.Failed;
    public const int Usage = KnowledgeCommandLine.Usage;
    public const int Cancelled = KnowledgeCommandLine.Cancelled;

    private const string UsageText = "usage: knowledge sync [--dry-run] [--prune]\n" +
        "  --dry-run  compare the corpus with Upstash and report; write nothing\n" +
        "  --prune    also delete chunks of documents and namespaces no longer in the corpus";

    /// <summary>Whether the process was started as the sync command rather than the API.</summary>
    public static bool IsInvoked(string[] args) =>
        KnowledgeCommandLine.IsInvoked(args, "sync");

    /// <summary>Runs the command with the API's configuration sources.</summary>
    public static Task<int> RunAsync(string[] args) =>
        KnowledgeCommandLine.RunFromConsoleAsync((configuration, cancellationToken) => RunAsync(args, configuration, Console.Out, Console.Error, cancellationToken));

    public static async Task<int> RunAsync(
        string[] args, IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var flags = args.Skip(2).ToList();
        if (flags.Contains("--help") || flags.Contains("-h"))
        {
            await output.WriteLineAsync(UsageText);
            return Success;
        }

        var unknown = flags.Where(f => f is not ("--dry-run" or "--prune")).ToList();
        if (!IsInvoked(args) || unknown.Count > 0)
        {
            await error.WriteLineAsync($"knowledge sync: unknown argument {string.Join(' ', unknown)}\n{UsageText}");
            return Usage;
        }

        var options = configuration.GetSection(UpstashSearchOptions.SectionName).Get<UpstashSearchOptions>() ?? new UpstashSearchOptions();
        if (!options.IsConfigured)
        {
            await error.WriteLineAsync(
                $"knowledge sync: Upstash Search is not configured. Set {UpstashSearchOptions.SectionName}:Url and " +
                $"{UpstashSearchOptions.SectionName}:Token (environment: Upstash__Search__Url, Upstash__Search__Token).");
            return Usage;
        }

        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            await error.WriteLineAsync($"knowledge sync: {string.Join(' ', problems)}");
            return Usage;
        }

        var syncOptions = new KnowledgeSyncOptions(DryRun: flags.Contains("--dry-run"), Prune: flags.Contains("--prune"));
        try
        {
            using var client = new UpstashSearchClient(options);
            var corpus = KnowledgeCorpus.Load(JsonExerciseCatalog.LoadEmbedded().All);
            await output.WriteLineAsync(
                $"Syncing {corpus.Documents.Count} knowledge documents to {client.BaseUrl} (indexes {options.IndexPrefix}<namespace>)" +
                (syncOptions.DryRun ? ", dry run" : "") + (syncOptions.Prune ? ", pruning" : "") + ".");
            await new KnowledgeSync(client, options, output).RunAsync(corpus, syncOptions, cancellationToken);
            return Success;
        }
        catch (UpstashSearchException ex)
        {
            await error.WriteLineAsync($"knowledge sync failed: {ex.Message}");
            return Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("knowledge sync cancelled; rerun it to finish (it writes only what is still missing).");
            return Cancelled;
        }
    }
}
