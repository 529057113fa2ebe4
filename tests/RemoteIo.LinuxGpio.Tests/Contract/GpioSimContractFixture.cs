using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Linux;
using RemoteIo.Actors.Gpio.Tests.Contract;
using RemoteIo.LinuxGpio.Tests.Sim;

namespace RemoteIo.LinuxGpio.Tests.Contract;

/// <summary>
/// The driver contract's fixture for the real kernel: a fresh gpio-sim chip per test, opened by
/// the character-device driver; the other side of its pins is gpio-sim's sysfs (inputs driven
/// through <c>sim_gpioN/pull</c>, outputs observed through <c>sim_gpioN/value</c>).
/// </summary>
public sealed class GpioSimContractFixture : IGpioContractFixture
{
    /// <summary>Numbers the chips so each test gets its own configfs device.</summary>
    private static int _chips;

    /// <summary>The chip under test.</summary>
    private readonly GpioSimChip _chip;

    /// <summary>Creates the chip (skips the test outside the VM).</summary>
    public GpioSimContractFixture()
    {
        _chip = GpioSimChip.Create($"contract-{Interlocked.Increment(ref _chips)}", lines: 8);
    }

    /// <inheritdoc />
    public string DriverName => "chardev on gpio-sim";

    /// <inheritdoc />
    public IReadOnlyList<int> FreeLines { get; } = [1, 2, 5, 6];

    /// <summary>Events cross a sysfs write, an irq_work and our reader thread in an emulated CPU: seconds, not milliseconds.</summary>
    public TimeSpan EventTimeout => TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public GpioDriver OpenDriver() => ChardevGpioDriver.Open(_chip.DevicePath);

    /// <inheritdoc />
    public void DriveInput(int line, PinValue level) => _chip.Drive(line, level.IsHigh);

    /// <inheritdoc />
    public PinValue ObserveOutput(int line) => _chip.Value(line) == 1;

    /// <inheritdoc />
    public void Dispose() => _chip.Dispose();
}
