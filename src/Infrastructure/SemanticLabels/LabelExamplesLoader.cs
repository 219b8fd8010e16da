using Microsoft.Extensions.Hosting;

namespace FitCoach.Infrastructure.SemanticLabels;

/// <summary>
/// Starts embedding the labelled examples once the app has started, so the first messages after the model loads already
/// get a signal; startup never waits for it (the labeler would otherwise start on its first call).
/// </summary>
public sealed class LabelExamplesLoader(ExampleEmbeddingLabeler labeler) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        labeler.StartBuilding();
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
