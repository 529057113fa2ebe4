using System.Net;
using RemoteIo.Actors.Compat.Pigpio;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Kernel;
using RemoteIo.Actors.Protocol;

namespace RemoteIo.Actors.Compat.Backends;

/// <summary>
/// The pigpio endpoint's board: the host's pin domain. Every connection is a pins session
/// (<see cref="PinsPigpioSession"/>); level changes are observed through ObservePin
/// (<see cref="PinsLevelWatch"/>). A single READ goes through the pin's actor (which opens a line
/// nobody holds as an input, so the real level is read); bank reads (BR1/BR2) and modes are read
/// from the lines the host holds, without side effects — a line it does not hold reads as a freshly
/// reset BCM283x would (its power-on pull), because opening 28 lines for one bank read would take
/// them from every other program.
/// </summary>
internal sealed class PinsPigpioBackend : IPigpioBackend
{
    /// <summary>Bank 0 lines a reset BCM283x pulls up: GPIO 0-8.</summary>
    private const uint PowerOnHighBank0 = 0x0000_01FF;

    /// <summary>Bank 1 lines a reset BCM283x pulls up: GPIO 34-36 and 46-53 (bit n = GPIO 32+n).</summary>
    private const uint PowerOnHighBank1 = 0x003F_C01C;

    /// <summary>The pin domain.</summary>
    private readonly PinsAccess _pins;

    /// <summary>The mode of the connections' sessions.</summary>
    private readonly Mode _mode;

    /// <summary>Creates the backend.</summary>
    /// <param name="pins">The pin domain.</param>
    /// <param name="mode">The mode of the connections' sessions (host default, wait or nowait).</param>
    public PinsPigpioBackend(PinsAccess pins, Mode mode)
    {
        _pins = pins;
        _mode = mode;
        HardwareRevision = BoardRevision.Detect();
    }

    /// <inheritdoc />
    public uint HardwareRevision { get; }

    /// <inheritdoc />
    public uint Tick => unchecked((uint)(_pins.NowNanoseconds / 1000));

    /// <inheritdoc />
    public IPigpioSession OpenSession(IPEndPoint? client) =>
        new PinsPigpioSession(_pins, client is null ? "pigpio" : $"pigpio {client}", _mode);

    /// <inheritdoc />
    public async ValueTask<bool> ReadAsync(int gpio, CancellationToken cancellationToken)
    {
        if (TryReadHeld(gpio, out var level))
        {
            return level;
        }

        var reply = await _pins.Supervisor.Ask(new ReadPin { Pin = PinsRequests.Gpio(gpio) }, _pins.ReplyTimeout, cancellationToken);
        return reply switch
        {
            PinLevel read => read.Level,
            RequestRejected { Reason: RejectReason.NotAGpio } => PowerOnLevel(gpio),
            RequestRejected rejected => throw new InvalidOperationException(rejected.Message),
            _ => throw new InvalidOperationException($"GPIO {gpio}: the pins answered a read with a {reply.GetType().Name}"),
        };
    }

    /// <inheritdoc />
    public ValueTask<PigpioMode> GetModeAsync(int gpio, CancellationToken cancellationToken) => new(ModeOf(gpio));

    /// <inheritdoc />
    public ValueTask<uint> ReadBankAsync(int bank, CancellationToken cancellationToken) => new(ReadBank(bank));

    /// <inheritdoc />
    public IPigpioLevelWatch WatchLevels(IPigpioLevelObserver observer) => new PinsLevelWatch(_pins, observer, () => ReadBank(0));

    /// <summary>The levels of a bank: the held lines as they are, the others at their power-on pull.</summary>
    private uint ReadBank(int bank)
    {
        var levels = bank == 0 ? PowerOnHighBank0 : PowerOnHighBank1;
        for (var bit = 0; bit < 32; bit++)
        {
            if (TryReadHeld((bank * 32) + bit, out var level))
            {
                levels = level ? levels | (1u << bit) : levels & ~(1u << bit);
            }
        }

        return levels;
    }

    /// <summary>A held line's mode: output or input; a line the host does not hold is an input.</summary>
    private PigpioMode ModeOf(int gpio)
    {
        try
        {
            return _pins.Controller.IsPinOpen(gpio) && _pins.Controller.GetLineSettings(gpio).Direction == LineDirection.Output
                ? PigpioMode.Output
                : PigpioMode.Input;
        }
        catch (GpioException)
        {
            // Closed between the two calls: nobody holds it now.
            return PigpioMode.Input;
        }
    }

    /// <summary>Reads a line the host holds; false when it holds none (or lost it meanwhile).</summary>
    private bool TryReadHeld(int gpio, out bool level)
    {
        level = false;
        if (!_pins.Controller.IsPinOpen(gpio))
        {
            return false;
        }

        try
        {
            level = _pins.Controller.Read(gpio).IsHigh;
            return true;
        }
        catch (GpioException)
        {
            return false;
        }
    }

    /// <summary>The level of a line nobody holds, as its power-on pull makes it.</summary>
    private static bool PowerOnLevel(int gpio) =>
        (((gpio < 32 ? PowerOnHighBank0 : PowerOnHighBank1) >> (gpio % 32)) & 1) != 0;
}
