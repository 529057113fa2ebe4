using Microsoft.Extensions.Logging;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Timing;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Pins;

namespace RemoteIo.Actors.Compat.Backends;

/// <summary>
/// What the compatibility backends use of the host's pin domain: its supervisor for everything that
/// claims, drives, reads or observes, its controller for side-effect-free reads of the lines the host
/// already holds (bank reads, modes), and its clock.
/// </summary>
/// <param name="System">The host's actor system (its clock stamps edges and ticks).</param>
/// <param name="Supervisor">The PinSupervisor (<c>/user/pins</c>).</param>
/// <param name="Controller">The controller the pins run on (read-only use here).</param>
/// <param name="ReplyTimeout">How long a request waits for the pins' answer.</param>
/// <param name="Logger">Where the backends log.</param>
internal sealed record PinsAccess(ActorSystem System, IActorRef Supervisor, GpioController Controller, TimeSpan ReplyTimeout, ILogger Logger)
{
    /// <summary>The host's clock now, nanoseconds (the clock edges are stamped on).</summary>
    public long NowNanoseconds => ClockTime.NowNanoseconds(System.TimeProvider);

    /// <summary>The access of a running pin service.</summary>
    /// <param name="pins">The host's pin service.</param>
    /// <param name="replyTimeout">How long a request waits for the pins' answer.</param>
    /// <param name="logger">Where the backends log.</param>
    public static PinsAccess From(PinService pins, TimeSpan replyTimeout, ILogger logger) =>
        new(pins.System, pins.Supervisor, pins.Controller, replyTimeout, logger);

    /// <summary>A new connection reference (its own pins session once it sends a request).</summary>
    /// <param name="protocol">The protocol's name, for the reference's path.</param>
    /// <param name="listener">Receives what answers no request.</param>
    public PinsClient NewClient(string protocol, IPinsListener? listener = null) => new(System, Supervisor, protocol, ReplyTimeout, listener);
}
