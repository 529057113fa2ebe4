using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RemoteIo.Actors.Compat.Backends;
using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Compat.RemoteioText;
using RemoteIo.Actors.Pins;

namespace RemoteIo.Actors.Compat.Hosting;

/// <summary>
/// The running compatibility endpoints of a host: pigpiod's socket protocol and remoteio's text
/// protocol over the host's pin domain, each connection a pins session with the native protocol's
/// semantics (wait/nowait, busy, soft close on disconnect). Start them once the pin domain runs;
/// <see cref="StopAsync"/> closes the listeners and every connection (each connection's session
/// begins its soft close; the pin domain's shutdown drain waits for it), then stops pigpio's
/// notifications, watchdogs and filters.
/// </summary>
public sealed class CompatEndpoints : IAsyncDisposable
{
    /// <summary>The listeners started, in order.</summary>
    private readonly List<CompatListener> _listeners;

    /// <summary>The pigpio engine (disposed after its listener stopped), if running.</summary>
    private readonly PigpioServer? _pigpio;

    /// <summary>1 once stopping began.</summary>
    private int _stopped;

    /// <summary>Takes the started endpoints.</summary>
    private CompatEndpoints(List<CompatListener> listeners, PigpioServer? pigpio, IPEndPoint? pigpioEndPoint, IPEndPoint? remoteioEndPoint)
    {
        _listeners = listeners;
        _pigpio = pigpio;
        PigpioEndPoint = pigpioEndPoint;
        RemoteioEndPoint = remoteioEndPoint;
    }

    /// <summary>Where the pigpio endpoint listens (the real port when 0 was configured); null when it is off.</summary>
    public IPEndPoint? PigpioEndPoint { get; }

    /// <summary>Where the remoteio endpoint listens (the real port when 0 was configured); null when it is off.</summary>
    public IPEndPoint? RemoteioEndPoint { get; }

    /// <summary>Starts the endpoints <paramref name="settings"/> enable over <paramref name="pins"/>.</summary>
    /// <param name="pins">The host's running pin domain.</param>
    /// <param name="settings">Which endpoints, where, and how they emulate.</param>
    /// <param name="loggers">Where the endpoints log (categories <c>RemoteIo.Compat.Pigpio</c>, <c>RemoteIo.Compat.Remoteio</c>); none when null.</param>
    /// <returns>The running endpoints.</returns>
    /// <exception cref="ArgumentException">The settings are invalid.</exception>
    /// <exception cref="System.Net.Sockets.SocketException">An endpoint cannot be bound (nothing stays open then).</exception>
    public static CompatEndpoints Start(PinService pins, CompatSettings settings, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(pins);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        loggers ??= NullLoggerFactory.Instance;
        var listeners = new List<CompatListener>();
        PigpioServer? pigpio = null;
        IPEndPoint? pigpioEndPoint = null, remoteioEndPoint = null;
        try
        {
            if (settings.PigpioEnabled)
            {
                var log = loggers.CreateLogger("RemoteIo.Compat.Pigpio");
                var backend = new PinsPigpioBackend(PinsAccess.From(pins, settings.ReplyTimeout, log), settings.PigpioMode);
                pigpio = new PigpioServer(backend, settings.Pigpio, pins.System.TimeProvider, log);
                pigpioEndPoint = StartListener(listeners, pigpio, settings.PigpioEndpoint, log);
            }

            if (settings.RemoteioEnabled)
            {
                var log = loggers.CreateLogger("RemoteIo.Compat.Remoteio");
                var backend = new PinsRemoteioBackend(PinsAccess.From(pins, settings.ReplyTimeout, log), settings.RemoteioMode);
                remoteioEndPoint = StartListener(listeners, new RemoteioTextServer(backend, settings.Remoteio, log), settings.RemoteioEndpoint, log);
            }
        }
        catch
        {
            foreach (var listener in listeners)
            {
                listener.StopAsync().AsTask().GetAwaiter().GetResult();
            }

            pigpio?.Dispose();
            throw;
        }

        return new CompatEndpoints(listeners, pigpio, pigpioEndPoint, remoteioEndPoint);
    }

    /// <summary>
    /// Closes the listeners and their connections (each session's soft close begins), then stops
    /// pigpio's notifications, watchdogs and filters. Stopping twice is harmless.
    /// </summary>
    public async ValueTask StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await Task.WhenAll(_listeners.Select(l => l.StopAsync().AsTask()));
        _pigpio?.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => StopAsync();

    /// <summary>Starts one listener and adds it to <paramref name="listeners"/>.</summary>
    private static IPEndPoint StartListener(List<CompatListener> listeners, ICompatProtocolServer server, CompatEndpointOptions options, ILogger log)
    {
        var listener = new CompatListener(server, options, log);
        var endPoint = listener.Start();
        listeners.Add(listener);
        return endPoint;
    }
}
