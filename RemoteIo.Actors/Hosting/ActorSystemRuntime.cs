using Microsoft.Extensions.Logging;
using RemoteIo.Actors.Kernel;

namespace RemoteIo.Actors.Hosting;

/// <summary>
/// Owns the host's actor system: configures the builder and creates the system on first use
/// (so <see cref="ActorSystem"/> can be injected anywhere, even before the hosted service starts),
/// attaches the logging bridge, and terminates the system when the container is disposed.
/// </summary>
internal sealed class ActorSystemRuntime : IAsyncDisposable
{
    /// <summary>Creates the system once.</summary>
    private readonly Lazy<ActorSystem> _system;

    /// <summary>The builder, configured.</summary>
    private readonly Lazy<ActorSystemBuilder> _builder;

    /// <summary>The logging bridge, when enabled and the system exists.</summary>
    private LoggerFactoryBridge? _bridge;

    /// <summary>Prepares (but does not yet create) the system.</summary>
    /// <param name="name">The system's name.</param>
    /// <param name="configure">Configures the builder.</param>
    /// <param name="services">The host's services.</param>
    public ActorSystemRuntime(string name, Action<ActorSystemBuilder, IServiceProvider> configure, IServiceProvider services)
    {
        _builder = new Lazy<ActorSystemBuilder>(() =>
        {
            var builder = new ActorSystemBuilder(name);
            configure(builder, services);
            return builder;
        });
        _system = new Lazy<ActorSystem>(() =>
        {
            var system = Builder.CreateSystem();
            if (Builder.BridgesLogging && services.GetService(typeof(ILoggerFactory)) is ILoggerFactory factory)
            {
                _bridge = new LoggerFactoryBridge(system.EventStream, factory);
            }

            return system;
        });
    }

    /// <summary>The configured builder.</summary>
    public ActorSystemBuilder Builder => _builder.Value;

    /// <summary>The actor system (created on first access).</summary>
    public ActorSystem System => _system.Value;

    /// <summary>Whether the system has been created.</summary>
    public bool IsCreated => _system.IsValueCreated;

    /// <summary>Terminates the system if it was created and is still running (bounded), then detaches the bridge.</summary>
    /// <returns>Completes when done.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_system.IsValueCreated)
        {
            var system = _system.Value;
            await system.Terminate().WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }

        _bridge?.Dispose();
    }
}
