using Microsoft.Extensions.Hosting;

namespace FitCoach.Infrastructure.Embeddings;

/// <summary>
/// Starts loading the local model once the app has started (after every hosted service, so after the server listens):
/// startup never waits for it, and requests meanwhile answer on words alone. Loading is once per process, however many
/// hosts start.
/// </summary>
public sealed class LocalModelLoader(LocalTextEmbedder embedder) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        embedder.Model.StartLoading();
        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
