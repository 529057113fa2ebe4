
namespace RemoteIo.Actors.Gpio.Tests.Contract;

/// <summary>
/// What the driver contract suite needs from a chip under test: drivers on it, and the "other side"
/// of its pins — a way to drive an input from outside and to see what an output drives. For the
/// simulated chip this is its own API; for the kernel's gpio-sim it is sysfs
/// (<c>sim_gpioN/pull</c> to drive, <c>sim_gpioN/value</c> to observe).
/// </summary>
/// <remarks>Source-compatible with xunit 2 and xunit.v3: the real-kernel project compiles these files too.</remarks>
public interface IGpioContractFixture : IDisposable
{
    /// <summary>A short name for messages, e.g. "simulated" or "chardev gpio-sim".</summary>
    string DriverName { get; }

    /// <summary>At least four lines no one holds, which the suite may request, drive and release.</summary>
    IReadOnlyList<int> FreeLines { get; }

    /// <summary>How long to wait for an edge event before failing (the simulation delivers synchronously; a VM needs seconds).</summary>
    TimeSpan EventTimeout { get; }

    /// <summary>Opens a new driver on the chip; each is an independent consumer, as a separate process would be.</summary>
    /// <returns>The driver (the caller disposes it, usually through a controller).</returns>
    GpioDriver OpenDriver();

    /// <summary>Drives <paramref name="line"/> from outside the chip (a signal on the pin).</summary>
    /// <param name="line">The line.</param>
    /// <param name="level">The electrical level.</param>
    void DriveInput(int line, PinValue level);

    /// <summary>The electrical level on <paramref name="line"/> as seen from outside the chip.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The level.</returns>
    PinValue ObserveOutput(int line);
}
