using System.IO.Pipelines;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// pigpiod's socket protocol over a RemoteIo backend: pigpio clients (the <c>pigpio</c> Python
/// module, gpiozero's <c>PiGPIOFactory</c>, pigs-style tools) drive the host's pins unchanged.
/// One server serves every connection of an endpoint and holds what pigpiod holds globally (PWM
/// settings, notification handles, watchdogs, filters); each connection is a session whose pins are
/// claimed while it drives them and released safely when it leaves. Serve it over TCP with a
/// <see cref="CompatListener"/>.
/// </summary>
public sealed class PigpioServer : ICompatProtocolServer, IDisposable
{
    /// <summary>What the connections share.</summary>
    private readonly PigpioEndpoint _endpoint;

    /// <summary>Creates a server over <paramref name="backend"/>.</summary>
    /// <param name="backend">The board.</param>
    /// <param name="options">The emulation settings; <see cref="PigpioOptions.Default"/> when null.</param>
    /// <param name="time">The clock for keep-alives, watchdogs, filters and delays; the system clock when null.</param>
    /// <param name="logger">Where failures go; none when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public PigpioServer(IPigpioBackend backend, PigpioOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(backend);
        options ??= PigpioOptions.Default;
        options.Validate();
        time ??= TimeProvider.System;
        logger ??= NullLogger.Instance;
        _endpoint = new PigpioEndpoint(
            backend,
            options,
            new PigpioGpioTable(),
            new PigpioPwmTable(options.SampleRateMicroseconds),
            new PigpioNotifier(backend, options, time, logger),
            time,
            logger);
    }

    /// <inheritdoc />
    public string ProtocolName => "pigpio";

    /// <summary>The emulation settings in force.</summary>
    public PigpioOptions Options => _endpoint.Options;

    /// <inheritdoc />
    public Task ServeAsync(IDuplexPipe transport, IPEndPoint? client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        return new PigpioConnection(_endpoint, client).RunAsync(transport, cancellationToken);
    }

    /// <summary>Stops notifications, watchdogs and filters (the endpoint has stopped serving).</summary>
    public void Dispose() => _endpoint.Notifier.Dispose();
}
