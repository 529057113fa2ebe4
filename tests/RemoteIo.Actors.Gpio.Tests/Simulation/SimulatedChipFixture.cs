using RemoteIo.Actors.Gpio.Simulation;
using RemoteIo.Actors.Gpio.Tests.Contract;

namespace RemoteIo.Actors.Gpio.Tests.Simulation;

/// <summary>The contract fixture for the simulated chip: its other side is the chip's own API.</summary>
public sealed class SimulatedChipFixture : IGpioContractFixture
{
    /// <summary>A fresh BCM2835-style chip per test.</summary>
    public SimulatedGpioChip Chip { get; } = new();

    /// <inheritdoc />
    public string DriverName => "simulated";

    /// <inheritdoc />
    public IReadOnlyList<int> FreeLines { get; } = [17, 27, 22, 23];

    /// <inheritdoc />
    public TimeSpan EventTimeout => TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public GpioDriver OpenDriver() => new SimulatedGpioDriver(Chip);

    /// <inheritdoc />
    public void DriveInput(int line, PinValue level) => Chip.DriveExternal(line, level);

    /// <inheritdoc />
    public PinValue ObserveOutput(int line) => Chip.GetLevel(line);

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
