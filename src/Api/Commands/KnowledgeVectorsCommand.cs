using FitCoach.Application.Common.Exceptions;
using FitCoach.Infrastructure.Embeddings;
using FitCoach.Infrastructure.Knowledge.Hybrid;
using FitCoach.Infrastructure.Observability;
using Microsoft.Extensions.Options;

namespace FitCoach.Api.Commands;

/// <summary>
/// <c>dotnet run --project src/Api -- knowledge vectors [--out PATH]</c>: brings the corpus vector file up to date,
/// embedding only the documents and exercise names that changed, and says what it did. With the local model (the
/// default) it writes the file shipped inside the app (<see cref="CorpusVectorRebuild.ShippedRelativePath"/> in the
/// repository, found from the current folder), so run it after editing <c>knowledge/</c> and commit the file; a test
/// fails while it is stale. With a hosted model (<c>Embeddings:Provider openai</c>) it writes <c>Embeddings:VectorFile</c>
/// (or <c>--out</c>), e.g. to pre-build a container image's vectors. Exit codes: 0 done, 1 the model failed, 2 bad
/// arguments or configuration, 130 cancelled.
/// </summary>
public static class KnowledgeVectorsCommand
{
    public const int Success = KnowledgeCommandLine.Success;
    public const int Failed = KnowledgeCommandLine.Failed;
    public const int Usage = KnowledgeCommandLine.Usage;
    public const int Cancelled = KnowledgeCommandLine.Cancelled;

    private const string UsageText = "usage: knowledge vectors [--out PATH]\n" +
        "  --out PATH  the vector file to update (default: the repository's shipped file for the local model,\n" +
        "              else Embeddings:VectorFile)";

    /// <summary>Whether the process was started as this command rather than the API.</summary>
    public static bool IsInvoked(string[] args) =>
        KnowledgeCommandLine.IsInvoked(args, "vectors");

    /// <summary>Runs the command with the API's configuration sources.</summary>
    public static Task<int> RunAsync(string[] args) =>
        KnowledgeCommandLine.RunFromConsoleAsync((configuration, cancellationToken) => RunAsync(args, configuration, Directory.GetCurrentDirectory(), Console.Out, Console.Error, cancellationToken));

    public static async Task<int> RunAsync(
        string[] args, IConfiguration configuration, string workingDirectory, TextWriter output, TextWriter error, CancellationToken cancellationToken)
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

        string? outPath = null;
        if (flags.Count == 2 && flags[0] == "--out" && !string.IsNullOrWhiteSpace(flags[1]))
        {
            outPath = flags[1];
        }
        else if (!IsInvoked(args) || flags.Count > 0)
        {
            await error.WriteLineAsync($"knowledge vectors: unknown arguments {string.Join(' ', flags)}\n{UsageText}");
            return Usage;
        }

        var options = EmbeddingsRegistration.Read(configuration);
        var provider = options.ResolvedProvider;
        if (provider is null or EmbeddingProviders.None || (provider == EmbeddingProviders.OpenAI && !options.IsConfigured))
        {
            await error.WriteLineAsync(
                $"knowledge vectors: no embedding model to run (Embeddings:Provider is '{options.Provider}'). Use the default local model, or set Embeddings:Endpoint and Embeddings:Id.");
            return Usage;
        }

        var path = outPath ?? DefaultPath(provider, options, workingDirectory);
        if (path is null)
        {
            await error.WriteLineAsync(provider == EmbeddingProviders.Local
                ? $"knowledge vectors: no FitCoach.sln at or above {workingDirectory}; run it from the repository or pass --out PATH."
                : "knowledge vectors: set Embeddings:VectorFile or pass --out PATH for a hosted model's vectors.");
            return Usage;
        }

        var metrics = new PrometheusAppMetrics();
        IBatchTextEmbedder embedder;
        LocalSentenceModel? model = null;
        if (provider == EmbeddingProviders.Local)
        {
            model = LocalSentenceModel.Shared;
            model.StartLoading();
            embedder = new LocalTextEmbedder(model, metrics);
        }
        else
        {
            embedder = new OpenAITextEmbedder(Options.Create(options), metrics);
        }

        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole());
        try
        {
            if (model is not null)
            {
                // A model that cannot load would have the rebuild retry forever: say so and stop instead.
                await model.WhenReadyAsync(cancellationToken);
            }

            await CorpusVectorRebuild.RunAsync(
                embedder,
                HybridRegistration.StoreModelId(embedder.ModelId, options.Dimensions),
                Path.GetFullPath(path, workingDirectory),
                output,
                loggers.CreateLogger("FitCoach.KnowledgeVectors"),
                cancellationToken);
            if (model?.LoadTime is { } loaded)
            {
                await output.WriteLineAsync($"(model {model.State.ToString().ToLowerInvariant()}, loaded in {loaded.TotalSeconds:0.0} s)");
            }

            if (outPath is null && provider == EmbeddingProviders.Local)
            {
                await output.WriteLineAsync("Commit the file; the next build ships it inside the app.");
            }

            return Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("knowledge vectors cancelled; nothing was written.");
            return Cancelled;
        }
        catch (Exception ex) when (ex is DependencyUnavailableException or IOException or UnauthorizedAccessException || model?.State == LocalModelState.Failed)
        {
            await error.WriteLineAsync($"knowledge vectors failed: {ex.Message}");
            return Failed;
        }
        finally
        {
            (embedder as IDisposable)?.Dispose();
        }
    }

    private static string? DefaultPath(string provider, EmbeddingsOptions options, string workingDirectory)
    {
        if (!string.IsNullOrWhiteSpace(options.VectorFile) && provider != EmbeddingProviders.Local)
        {
            return options.VectorFile;
        }

        return provider == EmbeddingProviders.Local && CorpusVectorRebuild.FindRepositoryRoot(workingDirectory) is { } root
            ? Path.Combine(root, CorpusVectorRebuild.ShippedRelativePath)
            : null;
    }
}
