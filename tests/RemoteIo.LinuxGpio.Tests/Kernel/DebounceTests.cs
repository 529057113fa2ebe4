using System.Diagnostics;
using RemoteIo.Actors.Gpio;
using RemoteIo.Actors.Gpio.Linux;
using RemoteIo.Actors.Gpio.Tests.Contract;
using RemoteIo.LinuxGpio.Tests.Sim;
using Xunit;

namespace RemoteIo.LinuxGpio.Tests.Kernel;

/// <summary>
/// Debounce through the kernel: gpio-sim has no hardware debounce, so gpiolib debounces in
/// software, exactly as it does on a Raspberry Pi (whose GPIO block has none either).
/// </summary>
public sealed class DebounceTests : IDisposable
{
    /// <summary>Long enough that two sysfs writes in a row always fit inside it, even in an emulated CPU.</summary>
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    /// <summary>The chip.</summary>
    private readonly GpioSimChip _chip = GpioSimChip.Create("debounce", lines: 4);

    [Fact]
    public void EdgeEvents_GlitchShorterThanTheDebounce_IsSuppressedAndALastingLevelIsReportedAfterThePeriod()
    {
        _chip.Drive(1, high: false);
        using var controller = new GpioController(ChardevGpioDriver.Open(_chip.DevicePath), "debounce-test");
        controller.OpenLine(1, LineSettings.Input.WithEdgeDetection(PinEventTypes.Rising | PinEventTypes.Falling).WithDebounce(Period));
        var listener = new RecordingEdgeListener();
        controller.AddEdgeListener(1, listener);

        var glitch = Stopwatch.StartNew();
        _chip.Drive(1, high: true);
        _chip.Drive(1, high: false);
        glitch.Stop();
        Assert.True(glitch.Elapsed < Period / 2, $"the glitch took {glitch.Elapsed.TotalMilliseconds:F0} ms, too close to the {Period.TotalMilliseconds} ms debounce for this test to mean anything");
        var steady = Monotonic.Nanoseconds;
        _chip.Drive(1, high: true);

        // Events come in order: had the glitch been reported, its rising edge would be first.
        var edge = listener.WaitFor(1, Period * 10)[0];
        Assert.Equal(PinEventTypes.Rising, edge.Kind);
        Assert.Equal(1, edge.LineSequence);
        Assert.True(
            edge.TimestampNanoseconds - steady >= (long)Period.TotalNanoseconds,
            $"the edge was reported {(edge.TimestampNanoseconds - steady) / 1e6:F1} ms after the level changed, before the {Period.TotalMilliseconds} ms debounce ran out");
        Assert.Single(listener.Events);
    }

    [Fact]
    public void GetLineInfo_DebouncedInput_ReportsThePeriodInMicroseconds()
    {
        using var controller = new GpioController(ChardevGpioDriver.Open(_chip.DevicePath), "debounce-test");

        controller.OpenLine(2, LineSettings.Input.WithEdgeDetection(PinEventTypes.Rising).WithDebounce(TimeSpan.FromMicroseconds(1234)));

        Assert.Equal(TimeSpan.FromMicroseconds(1234), controller.GetLineInfo(2).Debounce);
    }

    public void Dispose() => _chip.Dispose();
}
