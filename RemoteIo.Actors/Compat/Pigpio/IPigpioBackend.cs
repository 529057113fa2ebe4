using System.Net;

namespace RemoteIo.Actors.Compat.Pigpio;

/// <summary>
/// The board as the pigpio endpoint sees it: one per endpoint, shared by all its connections.
/// Reads need no claim and live here; everything that changes a pin goes through the
/// <see cref="IPigpioSession"/> of the connection that asks, so the host can enforce ownership.
/// </summary>
/// <remarks>
/// The engine does pigpio's bookkeeping itself (argument ranges, error codes, PWM ranges and the
/// frequency table, servo/PWM/hardware-PWM state, notification handles, watchdogs, filters); a
/// backend only reads and drives pins. Implementations must be thread-safe: connections call in
/// parallel.
/// </remarks>
public interface IPigpioBackend
{
    /// <summary>The board's revision code as pigpio reports it (HWVER), e.g. 0xC03111 for a Pi 4B.</summary>
    uint HardwareRevision { get; }

    /// <summary>The host's microsecond tick (pigpio's TICK): microseconds since some fixed start, wrapping at 2^32.</summary>
    uint Tick { get; }

    /// <summary>Opens the session of one client connection; pins it drives are claimed for it.</summary>
    /// <param name="client">The client's address, for the host's logs and state listings; null when not from a socket.</param>
    IPigpioSession OpenSession(IPEndPoint? client);

    /// <summary>Reads a GPIO's level (any GPIO 0-53; no claim needed).</summary>
    /// <param name="gpio">The BCM GPIO, 0-53.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<bool> ReadAsync(int gpio, CancellationToken cancellationToken);

    /// <summary>Reads a GPIO's mode (no claim needed).</summary>
    /// <param name="gpio">The BCM GPIO, 0-53.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<PigpioMode> GetModeAsync(int gpio, CancellationToken cancellationToken);

    /// <summary>Reads the levels of a bank: bank 0 is GPIO 0-31 (bit n = GPIO n), bank 1 is GPIO 32-53 (bit n = GPIO 32+n).</summary>
    /// <param name="bank">0 or 1.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<uint> ReadBankAsync(int bank, CancellationToken cancellationToken);

    /// <summary>
    /// Starts watching level changes of bank-0 GPIOs for notifications. The observer is told of every
    /// change of a watched GPIO, in order and never concurrently with itself, with the tick it
    /// happened at and the levels of GPIO 0-31 after it. The set watched starts empty.
    /// </summary>
    /// <param name="observer">Receives the changes.</param>
    /// <returns>The watch: set its mask to choose GPIOs, dispose it to stop.</returns>
    IPigpioLevelWatch WatchLevels(IPigpioLevelObserver observer);
}
