using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Remote;

namespace RemoteIo.Actors.Hosting;

/// <summary>
/// Starts the actor system with the host and stops it with the host: on start it creates the
/// system, adds the shutdown tasks to its <see cref="CoordinatedShutdown"/> and runs the start-up
/// steps in order; on stop (SIGTERM, Ctrl-C, <c>StopApplication</c>) it runs the coordinated
/// shutdown. If the actor system terminates by itself, the host is stopped too, so the process
/// never lingers without its actors.
/// </summary>
/// <param name="runtime">The actor system's owner.</param>
/// <param name="registry">The actor registry handed to the steps.</param>
/// <param name="services">The host's services.</param>
/// <param name="lifetime">To stop the host when the system terminates by itself.</param>
/// <param name="log">Start-up and shutdown log lines.</param>
internal sealed class ActorSystemHostedService(
    ActorSystemRuntime runtime,
    ActorRegistry registry,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    ILogger<ActorSystemHostedService> log) : IHostedService
{
    /// <summary>1 once the host asked us to stop (so the system's termination is expected).</summary>
    private int _stopping;

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var system = runtime.System;
        var builder = runtime.Builder;
        var shutdown = CoordinatedShutdown.Get(system);
        foreach (var step in builder.ShutdownSteps)
        {
            shutdown.AddTask(step.Phase, step.Name, () => step.Run(system, services));
        }

        var remoting = builder.Remoting is { } setup
            ? await RunStepAsync(system, "start remoting", () => Task.FromResult(Remoting.Start(system, setup.Configure(RemoteSettings.FromConfig(system.Settings.Config), services), setup.Registry))).ConfigureAwait(false)
            : null;
        foreach (var step in builder.Steps)
        {
            await RunStepAsync(system, step.Name, async () =>
            {
                await step.Run(system, registry, services, cancellationToken).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
        }

        if (remoting is not null)
        {
            var endPoints = await RunStepAsync(system, "listen", () => remoting.StartListeningAsync(cancellationToken)).ConfigureAwait(false);
            builder.Remoting!.OnListening?.Invoke(remoting, endPoints, services);
        }

        _ = system.WhenTerminated.ContinueWith(
            _ =>
            {
                if (Volatile.Read(ref _stopping) == 0)
                {
                    log.LogWarning("Actor system {System} terminated by itself; stopping the host", system.Name);
                    lifetime.StopApplication();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        if (log.IsEnabled(LogLevel.Debug))
        {
            log.LogDebug("Actor system {System} started ({Steps} start-up steps)", system.Name, builder.Steps.Count);
        }
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _stopping, 1);
        if (!runtime.IsCreated)
        {
            return;
        }

        var system = runtime.System;
        try
        {
            await CoordinatedShutdown.Get(system).Run(ShutdownReason.ProcessExit).WaitAsync(cancellationToken).ConfigureAwait(false);
            await system.Terminate().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            log.LogWarning("Actor system {System}: the host's shutdown timeout ended before the coordinated shutdown finished", system.Name);
        }
    }

    /// <summary>Runs one start-up step; a failure is logged, terminates the system and fails the start naming the step.</summary>
    private async Task<T> RunStepAsync<T>(ActorSystem system, string name, Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.LogError(e, "Actor system {System}: start-up step '{Step}' failed: {Reason}", system.Name, name, e.Message);
            await TerminateQuietlyAsync(system).ConfigureAwait(false);
            if (e is OperationCanceledException)
            {
                throw;
            }

            throw new InvalidOperationException($"actor system {system.Name}: start-up step '{name}' failed: {e.Message}", e);
        }
    }

    /// <summary>Terminates after a failed start, logging instead of throwing.</summary>
    private async Task TerminateQuietlyAsync(ActorSystem system)
    {
        try
        {
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Actor system {System} did not terminate cleanly after the failed start", system.Name);
        }
    }
}
