using Microsoft.Extensions.Hosting;

namespace FitCoach.Infrastructure.Knowledge.Hybrid;

/// <summary>
/// Builds the <see cref="DocumentVectorIndex"/> in the background once the app has started: startup never waits for the
/// embedding model, and until the index is ready retrieval answers with BM25 alone.
/// </summary>
public sealed class VectorIndexBuilder(DocumentVectorIndex index) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await index.BuildAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping mid-build; the index dies with it.
        }
    }
}
